package dev.ticklist.gateway.security;

import dev.ticklist.gateway.GatewayProperties;
import dev.ticklist.gateway.admin.AdminKey;
import dev.ticklist.gateway.admin.AdminKeyAuthenticationConverter;
import dev.ticklist.gateway.admin.AdminKeyAuthenticationManager;
import dev.ticklist.gateway.apikey.ApiKeyAuthenticationConverter;
import dev.ticklist.gateway.apikey.ApiKeyAuthenticationManager;
import dev.ticklist.gateway.apikey.ApiKeyTable;
import dev.ticklist.gateway.apikey.ApiKeyStore;
import dev.ticklist.gateway.dashboard.DashboardSessions;
import dev.ticklist.gateway.dashboard.SessionAuthenticationConverter;
import dev.ticklist.gateway.dashboard.SessionAuthenticationManager;
import dev.ticklist.gateway.dashboard.SessionCredentials;
import dev.ticklist.gateway.problem.ProblemResponses;
import dev.ticklist.gateway.sharelink.ShareLinkReach;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who may do what, on one page. Two stateless chains: the admin API ({@code /admin/**}) takes
 * the operator's admin key; everything else takes organisations' API keys, whose scopes decide
 * what they may call. The dashboard's session cookie (SameSite=Strict) reads as its key (read
 * scope only) or within its share link's reach; the one write it allows, a learner's own link
 * ticking, must come from the dashboard's own pages (ShareLinkReach), so CSRF protection stays off.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    /**
     * No observation per security filter, authentication and authorization: their decorators were
     * a tenth of the gateway's CPU per request (docs/benchmarks.md, "Requests"). Requests are
     * still measured (http.server.requests).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** The strict firewall, every header and parameter checked once as the request arrives. */
    @Bean
    ServerWebExchangeFirewall strictFirewall() {
        return new HeadersCheckedOnceFirewall();
    }

    @Bean
    @Order(1)
    SecurityWebFilterChain adminApiSecurity(ServerHttpSecurity http, GatewayProperties properties,
                                            ProblemResponses problems) {
        var adminKey = new AdminKey(properties.adminKey());
        if (!adminKey.enabled()) {
            LOG.warn("TICKLIST_ADMIN_KEY is not set: the admin API refuses every request");
        }
        var authentication = authenticationFilter(new AdminKeyAuthenticationManager(adminKey),
                new AdminKeyAuthenticationConverter(), problems, Unauthenticated.ADMIN);
        return stateless(http, problems, Unauthenticated.ADMIN)
                .securityMatcher(PathRule.of("/admin/**"))
                .addFilterAt(authentication, SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(exchanges -> exchanges.anyExchange().hasAuthority(AdminKey.AUTHORITY))
                .build();
    }

    @Bean
    ApiKeyAuthenticationManager apiKeyAuthenticationManager(ApiKeyStore store, ApiKeyTable keyTable) {
        return new ApiKeyAuthenticationManager(store, keyTable);
    }

    /**
     * The public API takes an API key, or the session cookie of an open dashboard (dashboard/:
     * a key's, read only; a share link's, within its reach): a key, when sent, decides.
     */
    @Bean
    @Order(2)
    SecurityWebFilterChain publicApiSecurity(ServerHttpSecurity http, ApiKeyAuthenticationManager keys,
                                             DashboardSessions sessions, SessionCredentials sessionCredentials,
                                             ProblemResponses problems, CorsConfigurationSource apiCors) {
        var apiKey = authenticationFilter(keys, new ApiKeyAuthenticationConverter(), problems, Unauthenticated.API);
        apiKey.setRequiresAuthenticationMatcher(PathRule.of("/api/**"));
        var session = authenticationFilter(new SessionAuthenticationManager(sessions, sessionCredentials),
                new SessionAuthenticationConverter(), problems, Unauthenticated.SESSION);
        session.setRequiresAuthenticationMatcher(PathRule.of("/api/**"));
        return stateless(http, problems, Unauthenticated.API)
                // Ahead of authentication: dashboards' preflights need no key (limits/ApiCors).
                .cors(cors -> cors.configurationSource(apiCors))
                .addFilterAt(apiKey, SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterAt(session, SecurityWebFiltersOrder.AUTHENTICATION)
                // A share link's session reaches its cohort or learner and nothing else.
                .addFilterBefore(new ShareLinkReach(problems), SecurityWebFiltersOrder.AUTHORIZATION)
                .authorizeExchange(exchanges -> exchanges.anyExchange().access(new ApiAccess()))
                .build();
    }

    private static AuthenticationWebFilter authenticationFilter(ReactiveAuthenticationManager manager,
                                                                ServerAuthenticationConverter converter,
                                                                ProblemResponses problems,
                                                                Unauthenticated unauthenticated) {
        var filter = new AuthenticationWebFilter(manager);
        filter.setServerAuthenticationConverter(converter);
        filter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        filter.setAuthenticationSuccessHandler(VerifiedCaller.remembered());
        // A wrong secret gets the very answer a missing one gets: nothing to tell them apart by.
        filter.setAuthenticationFailureHandler((webFilterExchange, exception) ->
                unauthenticated.write(problems, webFilterExchange.getExchange()));
        return filter;
    }

    private static ServerHttpSecurity stateless(ServerHttpSecurity http, ProblemResponses problems,
                                                Unauthenticated unauthenticated) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((exchange, exception) -> unauthenticated.write(problems, exchange))
                        .accessDeniedHandler((exchange, denied) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                                "forbidden", "the API key's scopes do not allow this request")));
    }

    /** The one 401 answer of each chain. */
    private enum Unauthenticated {
        API("ticklist", "send a valid API key as 'Authorization: Bearer tk_…' or 'X-Api-Key: tk_…'"),
        ADMIN("ticklist-admin", "send the platform's admin key as 'Authorization: Bearer <admin key>'"),
        SESSION("ticklist",
                "the dashboard's session has ended (signed out, expired, or its key was revoked): sign in again");

        private final String realm;
        private final String detail;

        Unauthenticated(String realm, String detail) {
            this.realm = realm;
            this.detail = detail;
        }

        Mono<Void> write(ProblemResponses problems, ServerWebExchange exchange) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + realm + "\"");
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", detail);
        }
    }
}
