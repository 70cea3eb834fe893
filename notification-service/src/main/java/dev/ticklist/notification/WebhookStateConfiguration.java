package dev.ticklist.notification;

import dev.ticklist.events.Topics;
import dev.ticklist.events.webhook.WebhookEvent;
import dev.ticklist.notification.endpoint.WebhookEndpoints;
import dev.ticklist.notification.message.WebhookMessages;
import dev.ticklist.platform.kafka.KafkaEventsConfiguration.TopicFollowers;
import dev.ticklist.platform.kafka.TopicFollower;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the endpoints and the messages from the whole webhooks topic on start, and keeps them
 * following: every instance holds every organisation's webhook state, pending retries included.
 */
@Configuration(proxyBeanMethods = false)
class WebhookStateConfiguration {

    @Bean
    TopicFollower<WebhookEvent> webhookEventsFollower(TopicFollowers followers, WebhookEndpoints endpoints,
                                                      WebhookMessages messages) {
        return followers.follow(Topics.WEBHOOKS, event -> {
            endpoints.apply(event);
            messages.apply(event);
        });
    }
}
