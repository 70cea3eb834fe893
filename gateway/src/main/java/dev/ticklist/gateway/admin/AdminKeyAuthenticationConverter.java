package dev.ticklist.gateway.admin;

import dev.ticklist.gateway.security.PresentedSecret;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Takes the admin key from {@code Authorization: Bearer <admin key>}. */
public final class AdminKeyAuthenticationConverter implements ServerAuthenticationConverter {

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        var values = exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.AUTHORIZATION);
        if (values.isEmpty()) {
            return Mono.empty();
        }
        return Mono.just(new PresentedSecret(values.size() == 1 ? PresentedSecret.bearerToken(values.getFirst()) : ""));
    }
}
