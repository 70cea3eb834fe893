package dev.ticklist.gateway.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem documents ({@code application/problem+json}) where no controller is
 * involved: security filters, the firewall, routing and upstream failures.
 */
@Component
public class ProblemResponses {

    public static final String TYPE_PREFIX = "urn:ticklist:problem:";

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        return problem;
    }

    /** The problem as an exception a controller or a reactive chain throws; the handler writes it. */
    public static ErrorResponseException error(HttpStatusCode status, String code, String detail) {
        return new ErrorResponseException(status, problem(status, code, detail), null);
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String code, String detail) {
        return write(exchange, problem(status, code, detail));
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        var response = exchange.getResponse();
        byte[] body = json.writeValueAsBytes(document(problem, exchange));
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    private static Map<String, Object> document(ProblemDetail problem, ServerWebExchange exchange) {
        var document = new LinkedHashMap<String, Object>();
        document.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
        document.put("title", problem.getTitle());
        document.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            document.put("detail", problem.getDetail());
        }
        document.put("instance", problem.getInstance() != null
                ? problem.getInstance().toString()
                : exchange.getRequest().getPath().value());
        if (problem.getProperties() != null) {
            problem.getProperties().forEach(document::putIfAbsent);
        }
        return document;
    }
}
