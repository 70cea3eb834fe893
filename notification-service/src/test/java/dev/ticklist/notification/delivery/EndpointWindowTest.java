package dev.ticklist.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndpointWindowTest {

    @Test
    void growsByOneForEachWindowOfDeliveriesUpToItsCeiling() {
        var window = new EndpointWindow(8);
        assertThat(window.allowed()).isEqualTo(EndpointWindow.INITIAL);
        for (int i = 0; i < 4; i++) {
            window.delivered();
        }
        assertThat(window.allowed()).isEqualTo(5);
        for (int i = 0; i < 1_000; i++) {
            window.delivered();
        }
        assertThat(window.allowed()).isEqualTo(8);
    }

    @Test
    void halvesOnEachAttemptNotDeliveredButNeverStopsSending() {
        var window = new EndpointWindow(32);
        for (int i = 0; i < 1_000; i++) {
            window.delivered();
        }
        window.notDelivered();
        assertThat(window.allowed()).isEqualTo(16);
        for (int i = 0; i < 10; i++) {
            window.notDelivered();
        }
        assertThat(window.allowed()).isEqualTo(1);
    }

    @Test
    void roomIsTheWindowLessTheAttemptsUnderWay() {
        var window = new EndpointWindow(32);
        window.started();
        window.started();
        window.started();
        assertThat(window.room()).isEqualTo(1);
        window.ended();
        assertThat(window.room()).as("an attempt that failed to complete changes no size").isEqualTo(2);
        window.notDelivered();
        assertThat(window.room()).as("halved to 2, one still under way").isEqualTo(1);
    }

    @Test
    void aCeilingBelowTheStartIsTheStart() {
        assertThat(new EndpointWindow(2).allowed()).isEqualTo(2);
    }
}
