package dev.ticklist.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

class RequestProblemsTest {

    @RestController
    static class SlowStore {
        @GetMapping("/slow")
        String slow() {
            throw new QueryTimeoutException("Redis command timed out");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new SlowStore())
            .setControllerAdvice(new RequestProblems()).build();

    @Test
    void aStoreThatDoesNotAnswerInTimeIsA503ProblemToRetryNotA500() throws Exception {
        mvc.perform(get("/slow"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.type").value("urn:ticklist:problem:store-unavailable"))
                .andExpect(jsonPath("$.detail").value("the service's store did not answer in time; try again shortly"));
    }
}
