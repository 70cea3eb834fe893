package dev.ticklist.progress.outbox;

import dev.ticklist.platform.kafka.EventPublisher;
import dev.ticklist.progress.redis.KeyStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration
class OutboxConfiguration {

    @Bean
    KeyStore keyStore(StringRedisTemplate redis) {
        return new KeyStore(redis);
    }

    @Bean
    Outbox outbox(EventPublisher publisher, StringRedisTemplate redis) {
        return new Outbox(publisher, redis);
    }
}
