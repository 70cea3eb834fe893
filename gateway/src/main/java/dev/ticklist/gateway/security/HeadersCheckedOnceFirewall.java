package dev.ticklist.gateway.security;

import dev.ticklist.platform.web.PrintableText;
import java.util.List;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's strict firewall for the method, the path and the answer's headers, and
 * every header and query parameter of the request checked once, as the request arrives, by the
 * strict firewall's rule without its regular expression ({@link PrintableText}).
 *
 * <p>The strict firewall checks a header only when it is read by name, again on every read, and
 * builds a new request and header wrapper each time the exchange's request is asked for: 4 % of
 * the gateway's CPU samples per request (docs/benchmarks.md, "Session 17"), while a header
 * only forwarded (never read by name) was never checked at all. Here every header is checked,
 * once, and the exchange goes on unwrapped.
 */
public final class HeadersCheckedOnceFirewall implements ServerWebExchangeFirewall {

    private final StrictServerWebExchangeFirewall strict = new StrictServerWebExchangeFirewall();

    @Override
    public Mono<ServerWebExchange> getFirewalledExchange(ServerWebExchange exchange) {
        return strict.getFirewalledExchange(exchange).map(pathChecked -> {
            check(exchange.getRequest());
            return exchange;
        });
    }

    private static void check(ServerHttpRequest request) {
        request.getHeaders().forEach((name, values) -> requireAllowed("header", name, values));
        if (request.getURI().getRawQuery() != null) {
            request.getQueryParams().forEach((name, values) -> requireAllowed("parameter", name, values));
        }
    }

    private static void requireAllowed(String what, String name, List<String> values) {
        if (!PrintableText.isAllowed(name)) {
            throw new ServerExchangeRejectedException("The request was rejected because a " + what + " name is not allowed.");
        }
        for (String value : values) {
            if (!PrintableText.isAllowed(value)) {
                throw new ServerExchangeRejectedException(
                        "The request was rejected because the " + what + " \"" + name + "\" has a value that is not allowed.");
            }
        }
    }
}
