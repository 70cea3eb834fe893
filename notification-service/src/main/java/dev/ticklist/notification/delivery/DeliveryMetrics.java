package dev.ticklist.notification.delivery;

import dev.ticklist.notification.endpoint.WebhookEndpoint;
import dev.ticklist.notification.endpoint.WebhookEndpoints;
import dev.ticklist.notification.message.DueMessage;
import dev.ticklist.notification.message.WebhookMessages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code ticklist.webhook.attempts} by outcome, how long the attempts that sent something took,
 * and the backlog: messages waiting for an attempt, and the age of the oldest. Messages of a
 * disabled endpoint wait for the organisation, not for us, so the backlog leaves them out.
 */
@Component
class DeliveryMetrics {

    static final String ATTEMPTS = "ticklist.webhook.attempts";
    static final String LATENCY = "ticklist.webhook.delivery.latency";
    static final String PENDING = "ticklist.webhook.messages.pending";
    static final String OLDEST_PENDING = "ticklist.webhook.messages.oldest.pending.age";

    private final MeterRegistry registry;
    private final WebhookMessages messages;
    private final WebhookEndpoints endpoints;
    private final Clock clock;

    DeliveryMetrics(MeterRegistry registry, WebhookMessages messages, WebhookEndpoints endpoints, Clock clock) {
        this.registry = registry;
        this.messages = messages;
        this.endpoints = endpoints;
        this.clock = clock;
        Gauge.builder(PENDING, this, metrics -> metrics.backlog().size())
                .description("Webhook messages of enabled endpoints still to be delivered")
                .register(registry);
        Gauge.builder(OLDEST_PENDING, this, DeliveryMetrics::oldestPendingSeconds)
                .description("Age of the oldest webhook message of an enabled endpoint still to be delivered")
                .baseUnit("seconds")
                .register(registry);
    }

    void record(AttemptResult result) {
        Counter.builder(ATTEMPTS)
                .description("Webhook delivery attempts")
                .tag("outcome", result.outcome().tag())
                .register(registry)
                .increment();
        if (result.outcome() != Outcome.REFUSED) {
            Timer.builder(LATENCY)
                    .description("Time from sending a webhook request to the end of its answer")
                    .tag("outcome", result.outcome().tag())
                    .register(registry)
                    .record(result.latency());
        }
    }

    private List<DueMessage> backlog() {
        return messages.pending().stream()
                .filter(message -> endpoints.find(message.organisationId(), message.endpointId())
                        .map(WebhookEndpoint::enabled).orElse(false))
                .toList();
    }

    private double oldestPendingSeconds() {
        return backlog().stream()
                .map(DueMessage::createdAt)
                .min(Comparator.naturalOrder())
                .map(oldest -> Duration.between(oldest, clock.instant()).toMillis() / 1000.0)
                .orElse(0.0);
    }
}
