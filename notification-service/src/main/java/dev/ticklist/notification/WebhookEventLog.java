package dev.ticklist.notification;

import dev.ticklist.events.Topics;
import dev.ticklist.events.webhook.WebhookEvent;
import dev.ticklist.platform.kafka.EventPublisher;
import dev.ticklist.platform.kafka.EventPublisher.Identified;
import dev.ticklist.platform.kafka.TopicFollower;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records what the organisation asked for as webhook events, then waits until this instance has
 * applied them, so the caller's next read sees the change. Waiting longer than {@link #CATCH_UP}
 * costs the caller read-your-write, never the change: it is recorded once acknowledged.
 */
@Component
public class WebhookEventLog {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookEventLog.class);
    private static final Duration CATCH_UP = Duration.ofSeconds(10);

    private final EventPublisher publisher;
    private final TopicFollower<WebhookEvent> follower;

    WebhookEventLog(EventPublisher publisher, TopicFollower<WebhookEvent> follower) {
        this.publisher = publisher;
        this.follower = follower;
    }

    public void record(WebhookEvent event) {
        publisher.publish(Topics.WEBHOOKS, event);
        awaitApplied(event.organisationId());
    }

    /** Records events whose ids follow from their facts, so recording them again changes nothing. */
    public void recordAll(String organisationId, List<Identified<WebhookEvent>> events) {
        publisher.publishAll(Topics.WEBHOOKS, events);
        awaitApplied(organisationId);
    }

    /** Every change to the organisation's webhooks acknowledged so far is applied here. */
    public void awaitApplied(String organisationId) {
        try {
            follower.awaitCaughtUp(organisationId, CATCH_UP);
        } catch (TimeoutException e) {
            LOG.warn("Webhook events of {} are recorded but not yet applied here: {}", organisationId, e.getMessage());
        }
    }
}
