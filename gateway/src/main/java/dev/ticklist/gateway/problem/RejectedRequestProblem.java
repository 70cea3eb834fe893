package dev.ticklist.gateway.problem;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's firewall refuses paths that are not normalised ({@code ..}, {@code //},
 * encoded slashes or dots): such a path could match {@code /api/v1/**} here and still reach
 * {@code /internal/**} once a service normalises it. The refusal is a problem document too.
 */
@Component
public class RejectedRequestProblem implements ServerExchangeRejectedHandler {

    private final ProblemResponses problems;

    public RejectedRequestProblem(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return problems.write(exchange, HttpStatus.BAD_REQUEST, "rejected-request",
                "the request's path or headers are not allowed: send a normalised path without '..', '//' or encoded '/' and '.'");
    }
}
