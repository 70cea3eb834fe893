package dev.ticklist.gateway.limits;

import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * CORS for {@code /api/**}, used by Spring Security's {@code .cors(…)} in the public API chain,
 * ahead of authentication: a preflight ({@code OPTIONS} with {@code Origin} and
 * {@code Access-Control-Request-Method}) from a configured origin is answered without an API key;
 * one from any other origin, or asking for another method or header, is refused with a bare 403
 * (no body: a browser shows a script nothing of a failed preflight anyway) and nothing is routed.
 * An actual request from another origin is refused the same way. Keys travel in headers, never
 * cookies, so credentials stay off. {@code /admin/**} has no CORS: it is not for browsers.
 */
@Configuration(proxyBeanMethods = false)
class ApiCors {

    static final List<String> ALLOWED_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** What the API reads; {@code Last-Event-ID} only because fetch-based SSE clients send it. */
    static final List<String> ALLOWED_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
            "X-Api-Key", "Idempotency-Key", "Last-Event-ID");
    /** What a script may read beyond the CORS-safelisted response headers. */
    static final List<String> EXPOSED_HEADERS = List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset",
            HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION, "Idempotent-Replayed");

    @Bean
    CorsConfigurationSource apiCorsConfigurationSource(CorsProperties properties) {
        var api = new CorsConfiguration();
        // Always a configuration, even with no origin: then every cross-origin request is refused,
        // where no configuration at all would let a preflight through with a 200.
        api.setAllowedOrigins(properties.allowedOrigins());
        api.setAllowedMethods(ALLOWED_METHODS);
        api.setAllowedHeaders(ALLOWED_HEADERS);
        api.setExposedHeaders(EXPOSED_HEADERS);
        api.setAllowCredentials(false);
        api.setMaxAge(Duration.ofHours(1));
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", api);
        return source;
    }
}
