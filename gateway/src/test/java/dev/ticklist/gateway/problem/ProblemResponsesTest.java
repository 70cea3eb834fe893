package dev.ticklist.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemResponsesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aDetailWithQuotesBackslashesAndControlCharactersIsWrittenAsValidJson() {
        String detail = "key \"tk_\\x\" is\nnot\tknown\u0000\u0007\u001f, nor \u2028 this";
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/a\"b"));

        new ProblemResponses(JSON).write(exchange, HttpStatus.UNAUTHORIZED, "unknown-key", detail).block();

        String body = exchange.getResponse().getBodyAsString().block();
        assertThat(body.chars()).noneMatch(c -> c < 0x20);
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.get("detail").asString()).isEqualTo(detail);
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/a%22b");
        assertThat(problem.get("type").asString()).isEqualTo("urn:ticklist:problem:unknown-key");
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
