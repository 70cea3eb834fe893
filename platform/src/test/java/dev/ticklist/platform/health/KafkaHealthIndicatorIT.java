package dev.ticklist.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.testsupport.Infrastructure;
import dev.ticklist.testsupport.local.FreePorts;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class KafkaHealthIndicatorIT {

    @Test
    void upWhileTheBrokerAnswers() {
        try (var admin = Admin.create(Map.of("bootstrap.servers", Infrastructure.shared().kafkaBootstrapServers()))) {
            assertThat(new KafkaHealthIndicator(admin).health().getStatus()).isEqualTo(Status.UP);
        }
    }

    @Test
    void downWhenNoBrokerListens() {
        try (var admin = Admin.create(Map.of("bootstrap.servers", "127.0.0.1:" + FreePorts.next(),
                "request.timeout.ms", "1000", "default.api.timeout.ms", "2000"))) {
            assertThat(new KafkaHealthIndicator(admin).health().getStatus()).isEqualTo(Status.DOWN);
        }
    }
}
