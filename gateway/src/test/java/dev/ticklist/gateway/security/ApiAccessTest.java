package dev.ticklist.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers.anyExchange;
import static org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers.pathMatchers;

import dev.ticklist.platform.identity.Scope;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthenticatedReactiveAuthorizationManager;
import org.springframework.security.authorization.AuthorityReactiveAuthorizationManager;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.authorization.DelegatingReactiveAuthorizationManager;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcherEntry;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

class ApiAccessTest {

    private static final String READ = Scope.READ.authority();
    private static final String WRITE = Scope.WRITE.authority();
    private static final String ADMIN = Scope.ADMIN.authority();

    /** The rules as they were written with Spring Security's own matchers and managers. */
    private static final ReactiveAuthorizationManager<ServerWebExchange> SPRING_RULES = DelegatingReactiveAuthorizationManager.builder()
            .add(new ServerWebExchangeMatcherEntry<>(pathMatchers("/api/v1/webhooks/**", "/api/v1/keys/**", "/api/v1/keys",
                    "/api/v1/share-links/**", "/api/v1/share-links"), AuthorityReactiveAuthorizationManager.hasAuthority(ADMIN)))
            .add(new ServerWebExchangeMatcherEntry<>(pathMatchers(HttpMethod.GET, "/api/v1/**"),
                    AuthorityReactiveAuthorizationManager.hasAnyAuthority(READ, WRITE, ADMIN)))
            .add(new ServerWebExchangeMatcherEntry<>(pathMatchers("/api/v1/**"),
                    AuthorityReactiveAuthorizationManager.hasAnyAuthority(WRITE, ADMIN)))
            .add(new ServerWebExchangeMatcherEntry<>(pathMatchers("/api/**"), AuthenticatedReactiveAuthorizationManager.authenticated()))
            .add(new ServerWebExchangeMatcherEntry<>(anyExchange(), (authentication, context) -> Mono.just(
                    new org.springframework.security.authorization.AuthorizationDecision(true))))
            .build();

    @Test
    void decidesEveryPathMethodAndCallerAsSpringSecuritysRulesDid() {
        var access = new ApiAccess();
        int granted = 0;
        for (Authentication caller : callers()) {
            for (String path : PathRuleTest.PATHS) {
                for (HttpMethod method : PathRuleTest.METHODS) {
                    var exchange = MockServerWebExchange.from(MockServerHttpRequest.method(method, path));
                    Mono<Authentication> presented = caller == null ? Mono.empty() : Mono.just(caller);
                    boolean expected = SPRING_RULES.authorize(presented, exchange).block().isGranted();
                    if (caller != null) {
                        exchange.getAttributes().put(VerifiedCaller.class.getName(), caller);
                    }
                    boolean actual = access.authorize(Mono.error(new AssertionError("read from the exchange")),
                            new AuthorizationContext(exchange)).block().isGranted();
                    assertThat(actual).as(method + " " + path + " by " + caller).isEqualTo(expected);
                    granted += actual ? 1 : 0;
                }
            }
        }
        assertThat(granted).as("some granted, some refused").isPositive().isLessThan(callers().size()
                * PathRuleTest.PATHS.size() * PathRuleTest.METHODS.size());
    }

    private static List<Authentication> callers() {
        var callers = new ArrayList<Authentication>();
        callers.add(null);
        callers.add(new AnonymousAuthenticationToken("key", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        for (List<String> scopes : List.of(List.<String>of(), List.of(READ), List.of(WRITE), List.of(ADMIN), List.of(READ, WRITE),
                List.of("SCOPE_other"))) {
            var caller = new TestingAuthenticationToken("org", "secret", scopes.toArray(String[]::new));
            caller.setAuthenticated(true);
            callers.add(caller);
        }
        var unauthenticated = new TestingAuthenticationToken("org", "secret", ADMIN);
        unauthenticated.setAuthenticated(false);
        callers.add(unauthenticated);
        return callers;
    }
}
