package dev.ticklist.progress.learner;

import dev.ticklist.progress.catalog.ChecklistCatalog;
import dev.ticklist.progress.catalog.ChecklistStructures;
import dev.ticklist.progress.generation.ProjectionGenerations;
import dev.ticklist.progress.generation.ProjectionMarkers;
import dev.ticklist.progress.live.LiveProgressPublisher;
import dev.ticklist.progress.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration
class LearnerConfiguration {

    @Bean
    LearnerProgressProjection learnerProgressProjection(StringRedisTemplate redis, ProjectionGenerations generations) {
        return new LearnerProgressProjection(redis, generations);
    }

    @Bean
    LearnerActivityListener learnerActivityListener(ChecklistStructures structures,
                                                    LearnerProgressProjection projection, Outbox outbox,
                                                    ProjectionGenerations generations, LiveProgressPublisher live,
                                                    ProjectionMarkers markers, MeterRegistry meters, Clock clock) {
        return new LearnerActivityListener(structures, projection, outbox, generations, live, markers, meters,
                clock);
    }

    @Bean
    LearnerProgressQuery learnerProgressQuery(StringRedisTemplate redis, ChecklistCatalog catalog,
                                              ProjectionGenerations generations) {
        return new LearnerProgressQuery(redis, catalog, generations);
    }
}
