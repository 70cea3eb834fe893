package dev.ticklist.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;

class CorsPropertiesTest {

    @Test
    void originsAreTrimmedAndDeduplicated() {
        var properties = new CorsProperties(List.of(" https://dashboard.example.org/", "http://127.0.0.1:3000", "",
                "https://dashboard.example.org"));

        assertThat(properties.allowedOrigins()).containsExactly("https://dashboard.example.org", "http://127.0.0.1:3000");
    }

    @Test
    void theVariableIsACommaSeparatedListAndEmptyByDefault() {
        assertThat(bind("https://dashboard.example.org, http://127.0.0.1:3000").allowedOrigins())
                .containsExactly("https://dashboard.example.org", "http://127.0.0.1:3000");
        assertThat(bind("").allowedOrigins()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "dashboard.example.org", "https://dashboard.example.org/app", "ftp://example.org",
            "https://dashboard.example.org?x=1", "https://user@dashboard.example.org", "https://*.example.org"})
    void anythingButAnOriginStopsTheGatewayFromStarting(String origin) {
        assertThatThrownBy(() -> new CorsProperties(List.of(origin)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TICKLIST_GATEWAY_CORS_ALLOWED_ORIGINS");
    }

    @Test
    void withNoOriginConfiguredEveryPreflightIsRefused() {
        var source = new ApiCors().apiCorsConfigurationSource(new CorsProperties(null));
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.options("https://gateway.example.org/api/v1/cohorts")
                .header(HttpHeaders.ORIGIN, "https://dashboard.example.org")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET"));

        boolean allowed = new DefaultCorsProcessor().process(source.getCorsConfiguration(exchange), exchange);

        assertThat(allowed).isFalse();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange.getResponse().getHeaders().getAccessControlAllowOrigin()).isNull();
    }

    /** As application.yml binds it: {@code allowed-origins: ${TICKLIST_GATEWAY_CORS_ALLOWED_ORIGINS:}}. */
    private static CorsProperties bind(String value) {
        var source = new MapConfigurationPropertySource(Map.of("ticklist.gateway.cors.allowed-origins", value));
        return new Binder(source).bindOrCreate("ticklist.gateway.cors", CorsProperties.class);
    }
}
