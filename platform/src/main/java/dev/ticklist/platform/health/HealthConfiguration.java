package dev.ticklist.platform.health;

import dev.ticklist.platform.kafka.KafkaEventsConfiguration;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

@AutoConfiguration(after = KafkaEventsConfiguration.class)
public class HealthConfiguration {

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(Admin admin) {
        return new KafkaHealthIndicator(admin);
    }
}
