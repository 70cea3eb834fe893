package dev.ticklist.notification.message;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.Topics;
import dev.ticklist.events.milestone.MilestoneEvent;
import dev.ticklist.events.webhook.WebhookEvent;
import dev.ticklist.notification.endpoint.Subscription;
import dev.ticklist.notification.endpoint.WebhookEndpoints;
import dev.ticklist.platform.kafka.EventPublisher.Identified;
import dev.ticklist.platform.kafka.EventPublisher;
import dev.ticklist.platform.kafka.PoisonAwareBatch;
import dev.ticklist.platform.kafka.PoisonEventException;
import dev.ticklist.platform.kafka.TopicFollower;
import dev.ticklist.platform.tracing.BatchTraces;
import dev.ticklist.platform.tracing.EventTraces;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Queues one message per milestone and subscribed endpoint, in the version the endpoint
 * subscribed to, in the notification-service consumer group. The offset moves on once the
 * messages are recorded in Kafka; attempts are made apart from this listener, so a slow receiver
 * never holds back the milestones of others.
 */
@Component
class MilestoneListener {

    static final String ID = "milestone-webhooks";
    /** Before looking up endpoints, every endpoint acknowledged so far for the organisation is applied. */
    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    private final WebhookEndpoints endpoints;
    private final WebhookMessages messages;
    private final TopicFollower<WebhookEvent> follower;
    private final EventPublisher publisher;
    private final EventTraces traces;

    MilestoneListener(WebhookEndpoints endpoints, WebhookMessages messages, TopicFollower<WebhookEvent> follower,
                      EventPublisher publisher, EventTraces traces) {
        this.endpoints = endpoints;
        this.messages = messages;
        this.follower = follower;
        this.publisher = publisher;
        this.traces = traces;
    }

    // Started by MilestoneListenerStarter once the endpoints follower runs.
    @KafkaListener(id = ID, idIsGroup = false, autoStartup = "false", batch = "true",
            topics = "#{T(dev.ticklist.events.Topics).MILESTONES.name()}")
    void onMilestones(List<ConsumerRecord<String, EventEnvelope<?>>> records) {
        PoisonAwareBatch.apply(records, MilestoneListener::milestoneOf,
                (milestones, applicable) -> queueForSubscribers(milestones));
    }

    /** The milestone a record holds; null for an empty record, which queues nothing. */
    private static EventEnvelope<MilestoneEvent> milestoneOf(ConsumerRecord<String, EventEnvelope<?>> record) {
        EventEnvelope<?> envelope = record.value();
        if (envelope == null) {
            return null;
        }
        if (!(envelope.event() instanceof MilestoneEvent milestone)) {
            throw new PoisonEventException(
                    envelope.type() + " is not a milestone; it has no place on " + record.topic());
        }
        return new EventEnvelope<>(envelope.id(), envelope.source(), envelope.time(), milestone,
                envelope.traceparent());
    }

    /**
     * A poll's milestones at once: each organisation's endpoints caught up once, and every message
     * recorded in one round of sends — one at a time, each milestone waited for the broker twice.
     */
    private void queueForSubscribers(List<EventEnvelope<MilestoneEvent>> milestones) {
        var present = milestones.stream().filter(Objects::nonNull).toList();
        try (var batchTraces = BatchTraces.open(traces, "milestone queue", present)) {
            try {
                queueForSubscribers(present, batchTraces);
            } catch (RuntimeException e) {
                batchTraces.failed(e);
                throw e;
            }
        }
    }

    private void queueForSubscribers(List<EventEnvelope<MilestoneEvent>> present, BatchTraces batchTraces) {
        present.stream().map(milestone -> milestone.event().organisationId()).distinct()
                .forEach(this::awaitEndpointsOf);
        var queued = new ArrayList<Identified<WebhookEvent>>();
        for (EventEnvelope<MilestoneEvent> milestone : present) {
            String organisationId = milestone.event().organisationId();
            for (Subscription subscription : endpoints.subscribedTo(organisationId, milestone.event())) {
                String endpointId = subscription.endpoint().id();
                WebhookMessage message = WebhookMessage.of(milestone, subscription.version(), endpointId);
                // Known: read again, queued before. Twice in one poll: the fold keeps the first.
                if (!messages.isKnown(organisationId, message.id())) {
                    queued.add(message.queuedFor(organisationId, endpointId)
                            .continuing(batchTraces.traceparentFor(milestone.event().key())));
                }
            }
        }
        if (!queued.isEmpty()) {
            publisher.publishAll(Topics.WEBHOOKS, queued);
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
