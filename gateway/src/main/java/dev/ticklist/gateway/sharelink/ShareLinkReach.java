package dev.ticklist.gateway.sharelink;

import dev.ticklist.gateway.problem.ProblemResponses;
import dev.ticklist.gateway.security.FetchSite;
import dev.ticklist.gateway.security.VerifiedCaller;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Keeps a share link within its reach ({@link ShareLink#reaches}): any other request is refused
 * before it is authorised or routed. A learner's own link may tick (and set item states and
 * evidence); such a request must come from
 * the dashboard's own pages when the browser says where it came from ({@code Sec-Fetch-Site}).
 */
public final class ShareLinkReach implements WebFilter {

    private final ProblemResponses problems;

    public ShareLinkReach(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return VerifiedCaller.of(exchange)
                .filter(ShareLinkAuthentication.class::isInstance)
                .flatMap(authentication -> refusal(((ShareLinkAuthentication) authentication).link(), exchange))
                .map(refused -> problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", refused))
                .orElseGet(() -> chain.filter(exchange));
    }

    static Optional<String> refusal(ShareLink link, ServerWebExchange exchange) {
        var request = exchange.getRequest();
        if (!link.reaches(request.getMethod(), request.getPath().value())) {
            return Optional.of(link.learnerId() == null
                    ? "this link opens cohort " + link.cohortId() + " and nothing else"
                    : "this link opens learner " + link.learnerId() + " of cohort " + link.cohortId()
                            + " and nothing else");
        }
        if (!HttpMethod.GET.equals(request.getMethod()) && FetchSite.notFromThisOrigin(request)) {
            return Optional.of("ticks, item states and evidence through a link are made from the dashboard's"
                    + " own pages");
        }
        return Optional.empty();
    }
}
