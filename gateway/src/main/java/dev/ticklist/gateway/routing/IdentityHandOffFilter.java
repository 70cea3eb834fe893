package dev.ticklist.gateway.routing;

import dev.ticklist.gateway.apikey.ApiKeyAuthenticationConverter;
import dev.ticklist.gateway.security.VerifiedCaller;
import dev.ticklist.platform.identity.IdentityProperties;
import dev.ticklist.platform.identity.IdentityTokens;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * What a service receives instead of the client's credentials: the client's {@code Authorization},
 * {@code X-Api-Key}, {@code Cookie}, {@code Forwarded}, every {@code X-Forwarded-*} and every {@code X-Ticklist-*} header are dropped, and a short-lived identity
 * token for the key's organisation and scopes takes their place (signed once and reused while it
 * has half its life left, {@link IdentityTokenCache}). The API key itself never leaves
 * the gateway, and nothing the client writes can pose as the gateway's word.
 *
 * <p>It also drops the hop-by-hop headers ({@link HopByHopHeadersFilter#removeFrom}) in the same copy.
 *
 * <p>A filter of the headers sent upstream, which Spring Cloud Gateway applies to every routed
 * request (HTTP and WebSocket), rather than a global filter that would rebuild the request and its
 * exchange to change them: that rebuild was a twentieth of the gateway's CPU per request
 * (docs/benchmarks.md, "Requests"). It edits the copy an earlier header filter hands on (the trace
 * context's), or copies the request's own headers when none did; it takes the last place, so no
 * filter of ours adds a header after it.
 */
@Component
public class IdentityHandOffFilter implements HttpHeadersFilter, Ordered {

    static final String TICKLIST_HEADER_PREFIX = "x-ticklist-";
    static final String X_FORWARDED_PREFIX = "x-forwarded-";
    static final String FORWARDED = "Forwarded";

    /**
     * Who may read the token handed on along each route: the route's service, and for
     * checklist-service also progress-service, which it asks for the caller's ticks on the
     * caller's behalf (a learner's Markdown export). Routes are named after their services.
     */
    static final Map<String, List<String>> AUDIENCES = Map.of(
            "checklist-service", List.of("checklist-service", "progress-service"),
            "progress-service", List.of("progress-service"),
            "notification-service", List.of("notification-service"));

    private final IdentityTokenCache identityTokens;

    public IdentityHandOffFilter(IdentityTokens identityTokens, IdentityProperties properties) {
        this.identityTokens = new IdentityTokenCache(identityTokens, properties.ttl(), Clock.systemUTC());
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        // The earlier filters hand on copies of their own; only the request's headers are not ours to change.
        var headers = input == exchange.getRequest().getHeaders() ? HttpHeaders.copyOf(input) : input;
        // First, so that no name a client lists in Connection can take away the identity set below.
        HopByHopHeadersFilter.removeFrom(headers);
        removeClientCredentials(headers);
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        var audience = route == null ? null : AUDIENCES.get(route.getId());
        if (audience != null) { // a route of no service we know gets no identity
            VerifiedCaller.organisationCaller(exchange).ifPresent(who ->
                    headers.setBearerAuth(identityTokens.tokenFor(who.organisationId(), who.scopes(), audience)));
        }
        return headers;
    }

    static void removeClientCredentials(HttpHeaders headers) {
        headers.remove(HttpHeaders.AUTHORIZATION);
        // The dashboard's session cookie is a credential too, and no service reads cookies.
        headers.remove(HttpHeaders.COOKIE);
        headers.remove(ApiKeyAuthenticationConverter.API_KEY_HEADER);
        // Nobody vouches for where the client says a request came from (ReplacedHeaderFilters).
        // Were trusted proxies ever configured, Spring Cloud Gateway's own X-Forwarded-* would be
        // dropped here too: this filter runs last. No service reads them.
        headers.remove(FORWARDED);
        var dropped = new ArrayList<String>(0);
        headers.forEach((name, values) -> {
            if (startsWithIgnoringCase(name, TICKLIST_HEADER_PREFIX) || startsWithIgnoringCase(name, X_FORWARDED_PREFIX)) {
                dropped.add(name);
            }
        });
        dropped.forEach(headers::remove);
    }

    private static boolean startsWithIgnoringCase(String name, String prefix) {
        return name.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
