package dev.ticklist.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeptInstallationTest {

    @TempDir
    Path dir;

    @Test
    void aRunAfterOneThatLeftBrokerDataGoesOnWithItsSecretsAndDemoKey() throws Exception {
        var first = KeptInstallation.at(dir, false);
        assertThat(first.resumed()).isFalse();
        String secret = first.secret("admin-key", () -> "first");
        first.keepDemo(new KeptInstallation.Demo("org_demo", "tk_demo"));
        leaveBrokerData();

        var second = KeptInstallation.at(dir, false);

        assertThat(second.resumed()).isTrue();
        assertThat(second.secret("admin-key", () -> "second")).isEqualTo(secret).isEqualTo("first");
        assertThat(second.demo()).contains(new KeptInstallation.Demo("org_demo", "tk_demo"));
    }

    @Test
    void freshForgetsEverythingTheLastRunKept() throws Exception {
        var first = KeptInstallation.at(dir, false);
        first.secret("admin-key", () -> "first");
        first.keepDemo(new KeptInstallation.Demo("org_demo", "tk_demo"));
        leaveBrokerData();

        var fresh = KeptInstallation.at(dir, true);

        assertThat(fresh.resumed()).isFalse();
        assertThat(fresh.secret("admin-key", () -> "new")).isEqualTo("new");
        assertThat(fresh.demo()).isEmpty();
        assertThat(fresh.kafkaData()).doesNotExist();
    }

    @Test
    void secretsWithoutTheBrokerDataTheyWentWithAreForgotten() {
        var first = KeptInstallation.at(dir, false);
        first.secret("webhook-encryption-key", () -> "first");
        first.keepDemo(new KeptInstallation.Demo("org_demo", "tk_demo"));

        var next = KeptInstallation.at(dir, false);

        assertThat(next.resumed()).isFalse();
        assertThat(next.secret("webhook-encryption-key", () -> "new")).isEqualTo("new");
        assertThat(next.demo()).isEmpty();
    }

    /** What a broker that ran in the kept folder leaves: its formatted storage. */
    private void leaveBrokerData() throws Exception {
        Files.createDirectories(dir.resolve("kafka"));
        Files.writeString(dir.resolve("kafka").resolve("meta.properties"), "version=1\n");
    }
}
