package dev.ticklist.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers.pathMatchers;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

class PathRuleTest {

    static final List<String> PATHS = List.of("/", "/api", "/api/", "/api/v1", "/api/v1/", "/api/v1/cohorts",
            "/api/v1/cohorts/coh_1/learners/l-1/ticks", "/api/v1/keys", "/api/v1/keys/", "/api/v1/keys/key_1",
            "/api/v1/keysmith", "/api/v1/webhooks", "/api/v1/webhooks/wh_1/deliveries", "/api/v1/share-links",
            "/api/v1/share-links/sl_1", "/api/v2/x", "/apix", "/API/v1/keys", "/admin", "/admin/organisations",
            "/administrator", "/actuator/health", "/%61pi/v1/keys", "/api/v1/ke%79s", "/api/v1/keys;x=1");
    static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.DELETE, HttpMethod.PATCH, HttpMethod.OPTIONS);

    @Test
    void matchesWhatSpringSecuritysPathMatchersMatch() {
        assertSame(PathRule.of("/admin/**"), pathMatchers("/admin/**"));
        assertSame(PathRule.of("/api/**"), pathMatchers("/api/**"));
        assertSame(PathRule.of("/api/v1/keys/**", "/api/v1/keys"), pathMatchers("/api/v1/keys/**", "/api/v1/keys"));
        assertSame(PathRule.of(HttpMethod.GET, "/api/v1/**"), pathMatchers(HttpMethod.GET, "/api/v1/**"));
    }

    private static void assertSame(PathRule rule, ServerWebExchangeMatcher spring) {
        for (String path : PATHS) {
            for (HttpMethod method : METHODS) {
                var exchange = MockServerWebExchange.from(MockServerHttpRequest.method(method, path));
                boolean expected = spring.matches(exchange).block().isMatch();
                assertThat(rule.matches(exchange).block().isMatch()).as(method + " " + path).isEqualTo(expected);
                assertThat(rule.test(exchange)).as(method + " " + path).isEqualTo(expected);
            }
        }
    }
}
