package dev.ticklist.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The unit tier refuses what only integration tests may start; surefire runs this test in that tier. */
class TestTierTest {

    @Test
    void surefireRunsThisTestInTheUnitTier() {
        assertThat(System.getProperty(TestTier.PROPERTY)).isEqualTo("unit");
    }

    @Test
    void theUnitTierRefusesToStartABrokerNamingTheTestAndTheRule() {
        assertThatThrownBy(() -> TestTier.requireIntegration("a Kafka broker"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TestTierTest is a unit test (*Test) but starts a Kafka broker")
                .hasMessageContaining("name it *IT");
    }

    @Test
    void outsideTheUnitTierNothingIsRefused() {
        String tier = System.getProperty(TestTier.PROPERTY);
        try {
            System.clearProperty(TestTier.PROPERTY);
            assertThatCode(() -> TestTier.requireIntegration("a Kafka broker")).doesNotThrowAnyException();
        } finally {
            System.setProperty(TestTier.PROPERTY, tier);
        }
    }
}
