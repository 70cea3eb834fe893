package dev.ticklist.progress.generation;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration
class GenerationConfiguration {

    @Bean
    ProjectionGenerations projectionGenerations(@Value("${ticklist.progress.generation:1}") String built,
                                                @Value("${ticklist.progress.initial-generation:1}") String initial,
                                                StringRedisTemplate redis, Clock clock) {
        return new ProjectionGenerations(built, initial, redis, clock);
    }

    @Bean
    ProjectionMarkers projectionMarkers(StringRedisTemplate redis, ProjectionGenerations generations,
                                        MeterRegistry meters, KafkaProperties kafka) {
        return new ProjectionMarkers(redis, generations, meters, new OffsetGaps(kafka.buildConsumerProperties()));
    }

    @Bean
    ProjectionReadiness projectionReadiness(StringRedisTemplate redis, ProjectionGenerations generations,
                                            Admin ticklistAdmin,
                                            @Value("${spring.kafka.consumer.group-id}") String groupId) {
        return new ProjectionReadiness(redis, generations, ticklistAdmin, groupId);
    }

    @Bean
    RebuildProgress rebuildProgress(KafkaAdmin kafkaAdmin, ProjectionGenerations generations, MeterRegistry meters,
                                    @Value("${spring.kafka.consumer.group-id}") String groupId,
                                    @Value("${ticklist.progress.take-over-when-caught-up:false}") boolean takeOver,
                                    @Value("${ticklist.progress.rebuild-check-interval:2s}") Duration interval) {
        return new RebuildProgress(Admin.create(kafkaAdmin.getConfigurationProperties()), groupId, generations,
                takeOver, interval, meters);
    }
}
