package dev.ticklist.progress.catalog;

import dev.ticklist.events.Topics;
import dev.ticklist.events.catalog.CatalogEvent;
import dev.ticklist.platform.kafka.KafkaEventsConfiguration.TopicFollowers;
import dev.ticklist.platform.kafka.TopicFollower;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CatalogConfiguration {

    @Bean
    ChecklistCatalog checklistCatalog() {
        return new ChecklistCatalog();
    }

    @Bean
    TopicFollower<CatalogEvent> catalogFollower(TopicFollowers followers, ChecklistCatalog catalog) {
        return followers.follow(Topics.CATALOG, catalog);
    }

    @Bean
    ChecklistStructures checklistStructures(ChecklistCatalog catalog, TopicFollower<CatalogEvent> catalogFollower) {
        return new ChecklistStructures(catalog, catalogFollower);
    }
}
