package dev.ticklist.gateway.problem;

import java.io.IOException;
import java.net.ConnectException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import io.lettuce.core.RedisException;
import org.slf4j.Logger;
import org.springframework.dao.QueryTimeoutException;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Every error that reaches the web layer becomes a problem document: 404 for unrouted paths,
 * 503 when a service or Redis is unreachable, 504 when a service is too slow. Exception
 * messages are never shown; problems of our own ({@code urn:ticklist:problem:…}) are kept.
 */
@Component
@Order(-2) // ahead of Spring Boot's ErrorWebExceptionHandler (-1), which renders no problem documents
public class ProblemWebExceptionHandler implements WebExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final ProblemResponses problems;

    public ProblemWebExceptionHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (error instanceof ErrorResponse response) {
            exchange.getResponse().getHeaders().addAll(response.getHeaders()); // Allow on 405, say
        }
        return problems.write(exchange, problemFor(error, exchange));
    }

    private static ProblemDetail problemFor(Throwable error, ServerWebExchange exchange) {
        if (error instanceof ErrorResponse response) {
            ProblemDetail body = response.getBody();
            if (body.getType() != null && body.getType().toString().startsWith(ProblemResponses.TYPE_PREFIX)) {
                return body;
            }
            if (response.getStatusCode().is5xxServerError()) {
                warn(exchange, error);
            }
            return forStatus(response.getStatusCode());
        }
        if (causedBy(error, ConnectException.class)) {
            warn(exchange, error);
            return forStatus(HttpStatus.SERVICE_UNAVAILABLE);
        }
        // The service dropped or reset the connection mid-request (killed, say): its fault, not ours.
        if (causedBy(error, PrematureCloseException.class) || causedBy(error, AbortedException.class)
                || causedBy(error, IOException.class)) {
            warn(exchange, error);
            return forStatus(HttpStatus.BAD_GATEWAY);
        }
        if (causedBy(error, TimeoutException.class)) {
            warn(exchange, error);
            return forStatus(HttpStatus.GATEWAY_TIMEOUT);
        }
        // Redis unreachable or too slow: Lettuce's own exceptions surface untranslated on the reactive path.
        if (causedBy(error, DataAccessResourceFailureException.class) || causedBy(error, QueryTimeoutException.class)
                || causedBy(error, RedisException.class)) {
            warn(exchange, error);
            return ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "key-store-unavailable",
                    "API keys cannot be checked right now; retry later");
        }
        LOG.error("{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        return forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private static ProblemDetail forStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> ProblemResponses.problem(status, "not-found", "nothing is served at this path");
            case 405 -> ProblemResponses.problem(status, "method-not-allowed", "this path does not take that method");
            case 500 -> ProblemResponses.problem(status, "internal-error",
                    "the gateway failed to handle the request; it has been logged");
            case 502 -> ProblemResponses.problem(status, "bad-gateway", "a service behind the gateway failed");
            case 503 -> ProblemResponses.problem(status, "upstream-unavailable",
                    "the service behind this path is not reachable; retry later");
            case 504 -> ProblemResponses.problem(status, "upstream-timeout",
                    "the service behind this path did not answer in time");
            default -> {
                var known = HttpStatus.resolve(status.value());
                String reason = known == null ? "Error" : known.getReasonPhrase();
                yield ProblemResponses.problem(status, reason.toLowerCase(Locale.ROOT).replace(' ', '-'), reason);
            }
        };
    }

    private static void warn(ServerWebExchange exchange, Throwable error) {
        LOG.warn("{} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error.toString());
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
