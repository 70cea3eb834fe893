package dev.ticklist.notification.endpoint;

import dev.ticklist.events.Topics;
import dev.ticklist.events.webhook.WebhookEvent;
import dev.ticklist.platform.kafka.KafkaEventsConfiguration.TopicFollowers;
import dev.ticklist.platform.kafka.TopicFollower;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds {@link WebhookEndpoints} from the whole webhooks topic on start, and keeps it following. */
@Configuration(proxyBeanMethods = false)
class EndpointStateConfiguration {

    @Bean
    TopicFollower<WebhookEvent> webhookEventsFollower(TopicFollowers followers, WebhookEndpoints endpoints) {
        return followers.follow(Topics.WEBHOOKS, endpoints::apply);
    }
}
