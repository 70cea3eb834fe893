package dev.ticklist.progress.learner;

import dev.ticklist.events.catalog.CatalogEvent;
import dev.ticklist.platform.kafka.EventPublisher;
import dev.ticklist.platform.kafka.TopicFollower;
import dev.ticklist.progress.catalog.ChecklistCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration
class LearnerConfiguration {

    @Bean
    LearnerProgressProjection learnerProgressProjection(StringRedisTemplate redis) {
        return new LearnerProgressProjection(redis);
    }

    @Bean
    MilestoneOutbox milestoneOutbox(EventPublisher publisher, StringRedisTemplate redis) {
        return new MilestoneOutbox(publisher, redis);
    }

    @Bean
    LearnerActivityListener learnerActivityListener(ChecklistCatalog catalog,
                                                    TopicFollower<CatalogEvent> catalogFollower,
                                                    LearnerProgressProjection projection, MilestoneOutbox outbox,
                                                    MeterRegistry meters, Clock clock) {
        return new LearnerActivityListener(catalog, catalogFollower, projection, outbox, meters, clock);
    }

    @Bean
    LearnerProgressQuery learnerProgressQuery(StringRedisTemplate redis, ChecklistCatalog catalog) {
        return new LearnerProgressQuery(redis, catalog);
    }
}
