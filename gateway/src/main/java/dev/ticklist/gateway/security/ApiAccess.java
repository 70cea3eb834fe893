package dev.ticklist.gateway.security;

import dev.ticklist.platform.identity.Scope;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What the public API's scopes allow, decided in one step:
 * <ul>
 *   <li>webhooks, keys and share links: {@code admin};</li>
 *   <li>any other {@code GET /api/v1/**}: {@code read}, {@code write} or {@code admin};</li>
 *   <li>any other {@code /api/v1/**}: {@code write} or {@code admin};</li>
 *   <li>any other {@code /api/**}: a verified caller;</li>
 *   <li>the gateway's own paths (health probes, metrics): everyone (all else is not routed: 404).</li>
 * </ul>
 * The same rules as a list of {@code pathMatchers(…).hasAnyAuthority(…)}, which Spring Security
 * tries one by one through Reactor operators, reading the caller from Reactor's context for each:
 * here the rule is found with plain matching and the caller read from the exchange
 * ({@link VerifiedCaller}, where the authentication filters put whom they verified).
 * {@code ApiAccessTest} compares the two on every rule.
 */
final class ApiAccess implements ReactiveAuthorizationManager<AuthorizationContext> {

    private static final Mono<AuthorizationResult> GRANTED = Mono.just(new AuthorizationDecision(true));
    private static final Mono<AuthorizationResult> DENIED = Mono.just(new AuthorizationDecision(false));

    private static final Set<String> ADMIN = Set.of(Scope.ADMIN.authority());
    private static final Set<String> READ_WRITE_OR_ADMIN = Set.of(Scope.READ.authority(), Scope.WRITE.authority(),
            Scope.ADMIN.authority());
    private static final Set<String> WRITE_OR_ADMIN = Set.of(Scope.WRITE.authority(), Scope.ADMIN.authority());

    private static final PathRule ADMIN_PATHS = PathRule.of("/api/v1/webhooks/**", "/api/v1/keys/**", "/api/v1/keys",
            "/api/v1/share-links/**", "/api/v1/share-links");
    private static final PathRule READS = PathRule.of(HttpMethod.GET, "/api/v1/**");
    private static final PathRule VERSION_1 = PathRule.of("/api/v1/**");
    private static final PathRule API = PathRule.of("/api/**");

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> ignored, AuthorizationContext context) {
        ServerWebExchange exchange = context.getExchange();
        if (!API.test(exchange)) {
            return GRANTED;
        }
        Authentication caller = VerifiedCaller.of(exchange).orElse(null);
        return allowed(caller, exchange) ? GRANTED : DENIED;
    }

    private static boolean allowed(Authentication caller, ServerWebExchange exchange) {
        if (caller == null || !caller.isAuthenticated() || caller instanceof AnonymousAuthenticationToken) {
            return false;
        }
        if (ADMIN_PATHS.test(exchange)) {
            return hasAny(caller, ADMIN);
        }
        if (READS.test(exchange)) {
            return hasAny(caller, READ_WRITE_OR_ADMIN);
        }
        if (VERSION_1.test(exchange)) {
            return hasAny(caller, WRITE_OR_ADMIN);
        }
        return true;
    }

    private static boolean hasAny(Authentication caller, Set<String> authorities) {
        for (GrantedAuthority granted : caller.getAuthorities()) {
            if (authorities.contains(granted.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
