package dev.ticklist.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import reactor.netty.channel.AbortedException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemWebExceptionHandlerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProblemWebExceptionHandler handler = new ProblemWebExceptionHandler(new ProblemResponses(JSON));

    @Test
    void anUnreachableServiceIs503() {
        var exchange = handle(new IllegalStateException("routing failed",
                new ConnectException("Connection refused: /10.0.0.7:8082")));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(body(exchange).get("type").asString()).isEqualTo("urn:ticklist:problem:upstream-unavailable");
        assertThat(body(exchange).toString()).doesNotContain("10.0.0.7");
    }

    @Test
    void aServiceWhoseConnectionBreaksMidRequestIs502() {
        var reset = handle(new IOException("recvAddress(..) failed: Connection reset by peer"));
        var aborted = handle(new AbortedException("Connection has been closed BEFORE send operation"));

        for (var exchange : List.of(reset, aborted)) {
            assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
            assertThat(body(exchange).get("type").asString()).isEqualTo("urn:ticklist:problem:bad-gateway");
            assertThat(body(exchange).toString()).doesNotContain("Connection");
        }
    }

    @Test
    void aSlowServiceIs504() {
        var exchange = handle(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer than 30s",
                new TimeoutException()));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(body(exchange).get("type").asString()).isEqualTo("urn:ticklist:problem:upstream-timeout");
    }

    @Test
    void redisUnreachableIs503AndNot401() {
        var exchange = handle(new DataAccessResourceFailureException("Unable to connect to Redis"));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(body(exchange).get("type").asString()).isEqualTo("urn:ticklist:problem:key-store-unavailable");
    }

    @Test
    void springsOwnErrorsKeepTheirStatusButNotTheirMessages() {
        var notFound = handle(new ResponseStatusException(HttpStatus.NOT_FOUND, "No static resource internal/x"));
        var wrongMethod = handle(new MethodNotAllowedException(HttpMethod.DELETE, Set.of(HttpMethod.POST)));

        assertThat(notFound.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(body(notFound).get("type").asString()).isEqualTo("urn:ticklist:problem:not-found");
        assertThat(body(notFound).toString()).doesNotContain("static resource");
        assertThat(wrongMethod.getResponse().getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(wrongMethod.getResponse().getHeaders().getAllow()).containsExactly(HttpMethod.POST);
    }

    @Test
    void ourOwnProblemsAreRenderedAsTheyAre() {
        var problem = ProblemResponses.problem(HttpStatus.BAD_GATEWAY, "checklist-service-refused", "it said no");

        var exchange = handle(new ErrorResponseException(HttpStatus.BAD_GATEWAY, problem, null));

        assertThat(body(exchange).get("type").asString()).isEqualTo("urn:ticklist:problem:checklist-service-refused");
        assertThat(body(exchange).get("detail").asString()).isEqualTo("it said no");
    }

    @Test
    void anythingElseIs500WithoutItsMessage() {
        var exchange = handle(new IllegalStateException("secret internals"));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(exchange.getResponse().getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(exchange.getResponse().getBodyAsString().block()).doesNotContain("secret internals")
                .doesNotContain("IllegalStateException");
    }

    private MockServerWebExchange handle(Throwable error) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/cohorts"));
        handler.handle(exchange, error).block();
        return exchange;
    }

    private static JsonNode body(MockServerWebExchange exchange) {
        return JSON.readTree(exchange.getResponse().getBodyAsString().block());
    }
}
