package dev.ticklist.notification;

import dev.ticklist.events.Topics;
import dev.ticklist.events.webhook.WebhookEvent;
import dev.ticklist.platform.kafka.EventPublisher;
import dev.ticklist.platform.kafka.EventPublisher.Identified;
import dev.ticklist.platform.kafka.TopicFollower;
import java.time.Duration;
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

    /** Records an event under the id given: one that follows from its fact, so recording it again changes nothing. */
    public void record(Identified<WebhookEvent> identified) {
        publisher.publish(Topics.WEBHOOKS, identified.id(), identified.event());
        awaitApplied(identified.event().organisationId());
    }

    /** Every change to the organisation's webhooks acknowledged so far is applied here. */
    private void awaitApplied(String organisationId) {
        try {
            follower.awaitCaughtUp(organisationId, CATCH_UP);
        } catch (TimeoutException e) {
            LOG.warn("Webhook events of {} are recorded but not yet applied here: {}", organisationId, e.getMessage());
        }
    }
}
