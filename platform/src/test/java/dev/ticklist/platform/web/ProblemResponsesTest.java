package dev.ticklist.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemResponsesTest {

    @Test
    void aDetailWithQuotesBackslashesAndControlCharactersIsWrittenAsValidJson() throws Exception {
        String detail = "item \"x\\y\" is\nnot\tthere\u0000\u0007\u001f, nor \u2028 this";
        var response = new MockHttpServletResponse();

        ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "bad-item", detail);

        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body.chars()).noneMatch(c -> c < 0x20);
        JsonNode problem = JsonMapper.builder().build().readTree(body);
        assertThat(problem.get("detail").asString()).isEqualTo(detail);
        assertThat(problem.get("type").asString()).isEqualTo("urn:ticklist:problem:bad-item");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
    }
}
