package dev.ticklist.notification.delivery;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.milestone.MilestoneEvent;
import dev.ticklist.events.webhook.WebhookEvent;
import dev.ticklist.notification.endpoint.WebhookEndpoint;
import dev.ticklist.notification.endpoint.WebhookEndpoints;
import dev.ticklist.platform.kafka.PoisonEventException;
import dev.ticklist.platform.kafka.TopicFollower;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns milestones into webhook deliveries, one record at a time, in the notification-service
 * consumer group. The offset moves on only once every subscribed endpoint has had its attempts.
 */
@Component
class MilestoneListener {

    static final String ID = "milestone-webhooks";
    /** Before looking up endpoints, every endpoint acknowledged so far for the organisation is applied. */
    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    private final WebhookEndpoints endpoints;
    private final TopicFollower<WebhookEvent> follower;
    private final WebhookDelivery delivery;

    MilestoneListener(WebhookEndpoints endpoints, TopicFollower<WebhookEvent> follower, WebhookDelivery delivery) {
        this.endpoints = endpoints;
        this.follower = follower;
        this.delivery = delivery;
    }

    // Started by MilestoneListenerStarter once the endpoints follower runs.
    @KafkaListener(id = ID, idIsGroup = false, autoStartup = "false",
            topics = "#{T(dev.ticklist.events.Topics).MILESTONES.name()}")
    void onMilestone(ConsumerRecord<String, EventEnvelope<?>> record) {
        EventEnvelope<?> envelope = record.value();
        if (envelope == null) {
            return;
        }
        if (!(envelope.event() instanceof MilestoneEvent milestone)) {
            throw new PoisonEventException(
                    envelope.type() + " is not a milestone; it has no place on " + record.topic());
        }
        var typed = new EventEnvelope<>(envelope.id(), envelope.source(), envelope.time(), milestone);
        deliverToSubscribers(typed, milestone.organisationId());
    }

    private void deliverToSubscribers(EventEnvelope<MilestoneEvent> milestone, String organisationId) {
        awaitEndpointsOf(organisationId);
        for (WebhookEndpoint endpoint : endpoints.subscribedTo(organisationId, milestone.type())) {
            delivery.deliver(milestone, endpoint);
        }
    }

    private void awaitEndpointsOf(String organisationId) {
        try {
            follower.awaitCaughtUp(organisationId, CATCH_UP);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the webhook endpoints of " + organisationId + " are not caught up", e);
        }
    }
}
