package dev.ticklist.platform.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

class RequestProblemsTest {

    @RestController
    static class Store {
        @GetMapping("/slow")
        String slow() {
            throw new QueryTimeoutException("Redis command timed out");
        }

        @GetMapping("/slow-in-a-pipeline")
        String slowInAPipeline() {
            throw new InvalidDataAccessApiUsageException("Pipeline contained one or more invalid commands",
                    new QueryTimeoutException("Redis command timed out"));
        }

        @GetMapping("/broken")
        String broken() {
            throw new InvalidDataAccessApiUsageException("ERR Error running script");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Store())
            .setControllerAdvice(new RequestProblems()).build();

    @Test
    void aStoreThatDoesNotAnswerInTimeIsA503ProblemToRetryNotA500() throws Exception {
        for (String path : new String[] {"/slow", "/slow-in-a-pipeline"}) {
            mvc.perform(get(path))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "1"))
                    .andExpect(jsonPath("$.type").value("urn:ticklist:problem:store-unavailable"))
                    .andExpect(jsonPath("$.detail").value("the service's store did not answer in time; try again shortly"));
        }
    }

    @Test
    void aFailingCommandIsOurFaultAndNotPassedOffAsUnavailable() {
        assertThatThrownBy(() -> mvc.perform(get("/broken")))
                .hasRootCauseInstanceOf(InvalidDataAccessApiUsageException.class);
    }
}
