package dev.ticklist.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;

class StrictFirewallTest {

    @Test
    void aControlCharacterInAHeaderIsStillRejectedAndPrintableTextPasses() {
        var firewall = new SecurityConfiguration().strictFirewall();
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/cohorts")
                .header("X-Fine", "naïve café").header("X-Bad", "a\u0085b"));

        var firewalled = firewall.getFirewalledExchange(exchange).block();

        assertThat(firewalled.getRequest().getHeaders().getFirst("X-Fine")).isEqualTo("naïve café");
        assertThatThrownBy(() -> firewalled.getRequest().getHeaders().getFirst("X-Bad"))
                .isInstanceOf(ServerExchangeRejectedException.class);
    }
}
