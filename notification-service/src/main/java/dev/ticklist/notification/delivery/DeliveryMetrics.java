package dev.ticklist.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/** {@code ticklist.webhook.attempts} by outcome, and how long the attempts that sent something took. */
@Component
class DeliveryMetrics {

    static final String ATTEMPTS = "ticklist.webhook.attempts";
    static final String LATENCY = "ticklist.webhook.delivery.latency";

    private final MeterRegistry registry;

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
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
}
