package dev.ticklist.platform.web;

import dev.ticklist.platform.identity.IdentityConfiguration;
import dev.ticklist.platform.identity.IdentityTokenAuthentication;
import dev.ticklist.platform.identity.IdentityTokens;
import dev.ticklist.platform.identity.VerifiedTokenCache;
import dev.ticklist.platform.identity.Scope;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.annotation.Order;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every servlet service trusts nothing but the gateway's signed identity token: without one,
 * or with one that does not verify, a request gets 401. Scopes decide reads and writes.
 */
// Before Web MVC's auto-configuration, so its default problem handler backs off for RequestProblems.
// Before the error auto-configuration too, so Boot's BasicErrorController backs off for ProblemErrorController.
@AutoConfiguration(after = IdentityConfiguration.class,
        beforeName = {"org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
                "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ServiceWebConfiguration implements WebMvcConfigurer {

    /**
     * No observation per security filter, authentication and authorization: with them, Spring
     * Security's decorators cost about a tenth of a request's CPU (docs/benchmarks.md, "Requests").
     * The request itself is still measured (http.server.requests).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring Security's strict firewall, its header and parameter rule checked without a regex ({@link PrintableText}). */
    @Bean
    WebSecurityCustomizer strictFirewall() {
        var firewall = strictHttpFirewall();
        return web -> web.httpFirewall(firewall);
    }

    static StrictHttpFirewall strictHttpFirewall() {
        var firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(PrintableText::isAllowed);
        firewall.setAllowedHeaderValues(PrintableText::isAllowed);
        firewall.setAllowedParameterNames(PrintableText::isAllowed);
        firewall.setAllowedParameterValues(PrintableText::isAllowed);
        return firewall;
    }

    /** Tokens addressed to this service ({@code spring.application.name}) and no other. */
    @Bean
    JwtDecoder identityTokenDecoder(IdentityTokens tokens, @Value("${spring.application.name}") String service) {
        return new VerifiedTokenCache(tokens.decoder(service), Clock.systemUTC());
    }

    @Bean
    SecurityFilterChain serviceSecurity(HttpSecurity http, JwtDecoder decoder) throws Exception {
        // Stateless token checks only: no logout, saved requests or servlet API wrappers, which would
        // each look at every request for nothing (docs/benchmarks.md, "Requests").
        // No security headers of its own either: every answer reaches a client through the gateway,
        // whose chain writes them (RoutingIT); the service's, copied through, only cost both a pass.
        http.csrf(csrf -> csrf.disable())
                .headers(headers -> headers.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .servletApi(servletApi -> servletApi.disable())
                // No sessions at all: the identity token is checked on every request and its context kept
                // in the request alone, so neither a session filter nor a URL-rewriting guard has work to do.
                .sessionManagement(session -> session.disable())
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                // The API's rules first: nearly every request is one, and no other rule's paths overlap them.
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/*/webhooks/**").hasAuthority(Scope.ADMIN.authority())
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasAnyAuthority(Scope.READ.authority(), Scope.WRITE.authority(), Scope.ADMIN.authority())
                        .requestMatchers("/api/**").hasAnyAuthority(Scope.WRITE.authority(), Scope.ADMIN.authority())
                        .requestMatchers("/internal/**").hasAuthority(Scope.PLATFORM.authority())
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info",
                                "/actuator/prometheus", "/actuator/openapi", "/actuator/openapi/**", "/v3/api-docs",
                                "/v3/api-docs/**", "/error").permitAll()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(new HeaderBearerTokenResolver())
                        .jwt(jwt -> jwt.authenticationManager(new IdentityTokenAuthentication(decoder)))
                        .authenticationEntryPoint(ProblemSecurityHandlers.unauthorized())
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(ProblemSecurityHandlers.unauthorized())
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden()));
        return http.build();
    }

    @Bean
    StreamedPaths streamedPaths(@Value("${ticklist.http.streamed-paths:}") List<String> paths) {
        return new StreamedPaths(paths);
    }

    /** Ahead of security and everything else: an oversized body is refused before anyone reads it. */
    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimit(
            @Value("${ticklist.http.max-request-body:1MB}") DataSize limit, StreamedPaths streamedPaths) {
        var registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(limit.toBytes(), streamedPaths));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Right after the size limit: a text body that is not UTF-8 fails as it is read ({@link Utf8Body}). */
    @Bean
    FilterRegistrationBean<Utf8Body> utf8Body(StreamedPaths streamedPaths) {
        var registration = new FilterRegistrationBean<>(new Utf8Body(streamedPaths));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Spring MVC's resolvers for JSON records and path strings, with a fast way in front (FastArgumentResolvers). */
    @Bean
    static FastArgumentResolvers fastArgumentResolvers() {
        return new FastArgumentResolvers();
    }

    @Bean
    RequestProblems requestProblems() {
        return new RequestProblems();
    }

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    /**
     * Tomcat's error page as a problem document ({@link ProblemReportValve}) in place of the HTML
     * one Boot installs; after Boot's own customizer, whose valve it replaces.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorPages() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                host.getPipeline().addValve(new ProblemReportValve());
            }
        });
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new TenantArgumentResolver());
    }
}
