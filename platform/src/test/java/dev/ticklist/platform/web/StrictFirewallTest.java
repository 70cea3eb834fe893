package dev.ticklist.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;

class StrictFirewallTest {

    @Test
    void aControlCharacterInAHeaderOrParameterIsStillRejectedAndPrintableTextPasses() {
        var firewall = ServiceWebConfiguration.strictHttpFirewall();
        var request = new MockHttpServletRequest("GET", "/api/v1/cohorts");
        request.addHeader("X-Fine", "naïve café");
        request.addHeader("X-Bad", "a\u0085b");
        request.addParameter("q", "a\u0007b");

        var firewalled = firewall.getFirewalledRequest(request);

        assertThat(firewalled.getHeader("X-Fine")).isEqualTo("naïve café");
        assertThatThrownBy(() -> firewalled.getHeader("X-Bad")).isInstanceOf(RequestRejectedException.class);
        assertThatThrownBy(() -> firewalled.getParameter("q")).isInstanceOf(RequestRejectedException.class);
    }
}
