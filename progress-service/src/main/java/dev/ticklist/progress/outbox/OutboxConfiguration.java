package dev.ticklist.progress.outbox;

import dev.ticklist.platform.kafka.EventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration
class OutboxConfiguration {

    @Bean
    Outbox outbox(EventPublisher publisher, StringRedisTemplate redis) {
        return new Outbox(publisher, redis);
    }
}
