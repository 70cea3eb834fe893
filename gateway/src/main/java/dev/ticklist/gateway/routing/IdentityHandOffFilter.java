package dev.ticklist.gateway.routing;

import dev.ticklist.gateway.apikey.ApiKeyAuthenticationConverter;
import dev.ticklist.gateway.security.OrganisationCaller;
import dev.ticklist.gateway.security.VerifiedCaller;
import dev.ticklist.platform.identity.IdentityProperties;
import dev.ticklist.platform.identity.IdentityTokens;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What a service receives instead of the client's credentials: the client's {@code Authorization},
 * {@code X-Api-Key}, {@code Cookie} and every {@code X-Ticklist-*} header are dropped, and a short-lived identity
 * token for the key's organisation and scopes takes their place (signed once and reused while it
 * has half its life left, {@link IdentityTokenCache}). The API key itself never leaves
 * the gateway, and nothing the client writes can pose as the gateway's word.
 */
@Component
public class IdentityHandOffFilter implements GlobalFilter, Ordered {

    static final String TICKLIST_HEADER_PREFIX = "x-ticklist-";

    private final IdentityTokenCache identityTokens;

    public IdentityHandOffFilter(IdentityTokens identityTokens, IdentityProperties properties) {
        this.identityTokens = new IdentityTokenCache(identityTokens, properties.ttl(), Clock.systemUTC());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(handOff(exchange, VerifiedCaller.organisationCaller(exchange)));
    }

    private ServerWebExchange handOff(ServerWebExchange exchange, Optional<OrganisationCaller> caller) {
        var request = exchange.getRequest().mutate().headers(headers -> {
            removeClientCredentials(headers);
            caller.ifPresent(who -> headers.setBearerAuth(identityTokens.tokenFor(who.organisationId(), who.scopes())));
        }).build();
        return exchange.mutate().request(request).build();
    }

    static void removeClientCredentials(HttpHeaders headers) {
        headers.remove(HttpHeaders.AUTHORIZATION);
        // The dashboard's session cookie is a credential too, and no service reads cookies.
        headers.remove(HttpHeaders.COOKIE);
        headers.remove(ApiKeyAuthenticationConverter.API_KEY_HEADER);
        var ours = new ArrayList<String>(0);
        headers.forEach((name, values) -> {
            if (name.regionMatches(true, 0, TICKLIST_HEADER_PREFIX, 0, TICKLIST_HEADER_PREFIX.length())) {
                ours.add(name);
            }
        });
        ours.forEach(headers::remove);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
