package dev.ticklist.progress.learner;

import dev.ticklist.platform.tracing.EventTraces;
import dev.ticklist.progress.catalog.ChecklistCatalog;
import dev.ticklist.progress.catalog.ChecklistStructures;
import dev.ticklist.progress.generation.ProjectionGenerations;
import dev.ticklist.progress.generation.ProjectionMarkers;
import dev.ticklist.progress.generation.ProjectionReadiness;
import dev.ticklist.progress.live.LiveProgressPublisher;
import dev.ticklist.progress.outbox.Outbox;
import dev.ticklist.progress.redis.KeyStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration
class LearnerConfiguration {

    @Bean
    LearnerCache learnerCache(@Value("${ticklist.progress.learner-cache-size:20000}") int capacity) {
        return new LearnerCache(capacity);
    }

    @Bean
    LearnerFold learnerFold(StringRedisTemplate redis, KeyStore keyStore, LearnerCache cache,
                            ChecklistStructures structures, ProjectionGenerations generations) {
        return new LearnerFold(new LearnerStore(redis, keyStore, generations.built(), structures::require), cache,
                structures::require, generations.built());
    }

    @Bean
    LearnerActivityListener learnerActivityListener(ChecklistStructures structures, LearnerFold fold,
                                                    LearnerCache cache, Outbox outbox,
                                                    ProjectionGenerations generations, LiveProgressPublisher live,
                                                    ProjectionMarkers markers, MeterRegistry meters, Clock clock,
                                                    EventTraces traces) {
        return new LearnerActivityListener(structures, fold, cache, outbox, generations, live, markers, meters, clock,
                traces);
    }

    @Bean
    AppliedOffsetWaits appliedOffsetWaits(StringRedisTemplate redis) {
        return new AppliedOffsetWaits(redis, Duration.ofMillis(10));
    }

    @Bean
    LearnerHistory learnerHistory(KafkaProperties kafka, ChecklistStructures structures) {
        return new LearnerHistory(kafka.buildConsumerProperties(), structures);
    }

    @Bean
    LearnerProgressAsOf learnerProgressAsOf(LearnerHistory history, ChecklistStructures structures) {
        return new LearnerProgressAsOf(history, structures);
    }

    @Bean
    LearnerProgressQuery learnerProgressQuery(StringRedisTemplate redis, ChecklistCatalog catalog,
                                              ProjectionGenerations generations, ProjectionReadiness readiness,
                                              AppliedOffsetWaits waits) {
        // Reads after a wait are short and rare: a virtual thread each, never a timer's or a request's.
        return new LearnerProgressQuery(redis, catalog, generations, readiness, waits,
                Executors.newVirtualThreadPerTaskExecutor());
    }
}
