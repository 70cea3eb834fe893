package dev.ticklist.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;

class StrictFirewallTest {

    private final HeadersCheckedOnceFirewall firewall = new HeadersCheckedOnceFirewall();

    @Test
    void printableHeadersAndParametersPassAndTheExchangeGoesOnAsItCame() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/cohorts?q=café")
                .header("X-Fine", "naïve café"));

        var firewalled = firewall.getFirewalledExchange(exchange).block();

        assertThat(firewalled).isSameAs(exchange);
        assertThat(firewalled.getRequest().getHeaders().getFirst("X-Fine")).isEqualTo("naïve café");
    }

    @Test
    void aControlCharacterInAnyHeaderIsRejectedBeforeAnythingReadsIt() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/cohorts")
                .header("X-Fine", "ok").header("X-Forwarded-Only", "a\u0085b"));

        assertThatThrownBy(() -> firewall.getFirewalledExchange(exchange).block())
                .isInstanceOf(ServerExchangeRejectedException.class)
                .hasMessageContaining("X-Forwarded-Only");
    }

    @Test
    void aControlCharacterInAHeaderNameOrAParameterIsRejected() {
        var badName = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/cohorts").header("X-\u0007", "ok"));
        var badParameter = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/cohorts")
                .queryParam("q", "a\u0007b"));

        assertThatThrownBy(() -> firewall.getFirewalledExchange(badName).block())
                .isInstanceOf(ServerExchangeRejectedException.class);
        assertThatThrownBy(() -> firewall.getFirewalledExchange(badParameter).block())
                .isInstanceOf(ServerExchangeRejectedException.class)
                .hasMessageContaining("parameter \"q\"");
    }

    @Test
    void theStrictFirewallStillRefusesPathsThatAreNotNormalised() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/../internal/x"));

        assertThatThrownBy(() -> firewall.getFirewalledExchange(exchange).block())
                .isInstanceOf(ServerExchangeRejectedException.class);
    }
}
