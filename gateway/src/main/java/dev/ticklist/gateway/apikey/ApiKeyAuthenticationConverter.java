package dev.ticklist.gateway.apikey;

import dev.ticklist.gateway.security.PresentedSecret;
import java.util.LinkedHashSet;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Takes the key from {@code Authorization: Bearer tk_…} or {@code X-Api-Key: tk_…}. No header:
 * no attempt (the request is anonymous). Anything unusable (another scheme, two different keys)
 * becomes an attempt that fails, so it gets the same answer as a wrong key.
 */
public final class ApiKeyAuthenticationConverter implements ServerAuthenticationConverter {

    public static final String API_KEY_HEADER = "X-Api-Key";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        var presented = new LinkedHashSet<String>();
        headers.getOrEmpty(HttpHeaders.AUTHORIZATION).forEach(value -> presented.add(PresentedSecret.bearerToken(value)));
        headers.getOrEmpty(API_KEY_HEADER).forEach(value -> presented.add(value.strip()));
        if (presented.isEmpty()) {
            return Mono.empty();
        }
        return Mono.just(new PresentedSecret(presented.size() == 1 ? presented.getFirst() : ""));
    }
}
