package dev.ticklist.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class GatewayPropertiesTest {

    private static final URI SERVICE = URI.create("http://127.0.0.1:8081");

    @Test
    void aShortAdminKeyStopsTheGatewayFromStarting() {
        assertThatThrownBy(() -> new GatewayProperties("short-admin-key", SERVICE, SERVICE, SERVICE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 characters");
    }

    @Test
    void noAdminKeyIsAllowedAndTurnsTheAdminApiOff() {
        assertThat(new GatewayProperties(null, SERVICE, SERVICE, SERVICE).adminKey()).isEmpty();
        assertThat(new GatewayProperties("  ", SERVICE, SERVICE, SERVICE).adminKey()).isEmpty();
    }
}
