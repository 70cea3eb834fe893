package dev.ticklist.gateway.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * The request's verified authentication, kept on the exchange where the gateway's filters read it
 * in one map lookup. Reading it from Reactor's context instead walks the whole operator chain on
 * every call: five such walks were the gateway's hottest frame per request (docs/benchmarks.md).
 */
public final class VerifiedCaller {

    private static final String ATTRIBUTE = VerifiedCaller.class.getName();

    private VerifiedCaller() {
    }

    /** What an authentication filter does once it verified a request: remember who, then go on. */
    static ServerAuthenticationSuccessHandler remembered() {
        return (filterExchange, authentication) -> {
            filterExchange.getExchange().getAttributes().put(ATTRIBUTE, authentication);
            return filterExchange.getChain().filter(filterExchange.getExchange());
        };
    }

    public static Optional<Authentication> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }

    /** The caller of the public API (a key or a share link), if the request was made by one. */
    public static Optional<OrganisationCaller> organisationCaller(ServerWebExchange exchange) {
        return of(exchange).filter(OrganisationCaller.class::isInstance).map(OrganisationCaller.class::cast);
    }
}
