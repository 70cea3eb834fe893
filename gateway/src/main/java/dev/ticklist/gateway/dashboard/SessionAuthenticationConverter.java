package dev.ticklist.gateway.dashboard;

import dev.ticklist.gateway.apikey.ApiKeyAuthenticationConverter;
import dev.ticklist.gateway.security.PresentedSecret;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Takes the dashboard's session cookie, unless the request presents an API key: a key sent
 * explicitly always decides, so a program calling the API never acts through a browser's session.
 */
public final class SessionAuthenticationConverter implements ServerAuthenticationConverter {

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        if (headers.containsHeader(HttpHeaders.AUTHORIZATION)
                || headers.containsHeader(ApiKeyAuthenticationConverter.API_KEY_HEADER)) {
            return Mono.empty();
        }
        return Mono.justOrEmpty(SessionCookie.read(request)).map(PresentedSecret::new);
    }
}
