package dev.ticklist.checklist.catalog;

import dev.ticklist.events.Topics;
import dev.ticklist.events.catalog.CatalogEvent;
import dev.ticklist.platform.kafka.EventPublisher;
import dev.ticklist.platform.kafka.KafkaEventsConfiguration.TopicFollowers;
import dev.ticklist.platform.kafka.TopicFollower;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

@Configuration
class CatalogConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogConfiguration.class);

    @Bean
    Catalog catalog() {
        return new Catalog();
    }

    @Bean
    TopicFollower<CatalogEvent> catalogFollower(TopicFollowers followers, Catalog catalog) {
        return followers.follow(Topics.CATALOG, catalog);
    }

    /** Publishes the built-in templates that the catalog does not hold yet. */
    @Bean
    TemplatePublisher templatePublisher(TopicFollower<CatalogEvent> catalogFollower, Catalog catalog,
                                        EventPublisher publisher) {
        return new TemplatePublisher(catalogFollower, catalog, publisher);
    }

    record TemplatePublisher(TopicFollower<CatalogEvent> follower, Catalog catalog, EventPublisher publisher) {

        @EventListener(ApplicationReadyEvent.class)
        public void publishMissingTemplates() throws TimeoutException {
            follower.awaitCaughtUp(Duration.ofSeconds(30));
            for (var template : BuiltInTemplates.load()) {
                if (!catalog.contains(template.checklistId(), template.version())) {
                    publisher.publish(Topics.CATALOG, BuiltInTemplates.eventId(template), template);
                    LOG.info("Published built-in template {} v{}", template.checklistId(), template.version());
                }
            }
            follower.awaitCaughtUp(Duration.ofSeconds(30));
        }
    }
}
