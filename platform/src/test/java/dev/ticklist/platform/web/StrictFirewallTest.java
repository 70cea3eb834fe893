package dev.ticklist.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;

class StrictFirewallTest {

    private final HeadersCheckedOnceHttpFirewall firewall = new HeadersCheckedOnceHttpFirewall();

    @Test
    void printableTextPasses() {
        var request = new MockHttpServletRequest("GET", "/api/v1/cohorts");
        request.addHeader("X-Fine", "naïve café");
        request.addParameter("q", "café");

        var firewalled = firewall.getFirewalledRequest(request);

        assertThat(firewalled.getHeader("X-Fine")).isEqualTo("naïve café");
        assertThat(firewalled.getParameter("q")).isEqualTo("café");
    }

    @Test
    void aControlCharacterInAnyHeaderIsRejectedBeforeAnythingReadsIt() {
        var request = new MockHttpServletRequest("GET", "/api/v1/cohorts");
        request.addHeader("X-Fine", "ok");
        request.addHeader("X-Unread", "a\u0085b");

        assertThatThrownBy(() -> firewall.getFirewalledRequest(request))
                .isInstanceOf(RequestRejectedException.class)
                .hasMessageContaining("X-Unread");
    }

    @Test
    void aControlCharacterInAParameterIsRejectedWhenRead() {
        var request = new MockHttpServletRequest("GET", "/api/v1/cohorts");
        request.addParameter("q", "a\u0007b");

        var firewalled = firewall.getFirewalledRequest(request);

        assertThatThrownBy(() -> firewalled.getParameter("q")).isInstanceOf(RequestRejectedException.class);
    }

    @Test
    void theStrictFirewallStillRefusesPathsThatAreNotNormalised() {
        var request = new MockHttpServletRequest("GET", "/api/v1/../internal/x");
        request.setRequestURI("/api/v1/../internal/x");

        assertThatThrownBy(() -> firewall.getFirewalledRequest(request)).isInstanceOf(RequestRejectedException.class);
    }
}
