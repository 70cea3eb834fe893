package dev.ticklist.notification.delivery;

import dev.ticklist.events.Topics;
import dev.ticklist.events.webhook.WebhookDeliveryAttemptedV2;
import dev.ticklist.events.webhook.WebhookEndpointDisabled;
import dev.ticklist.notification.WebhookProperties;
import dev.ticklist.notification.destination.RefusedUrlException;
import dev.ticklist.notification.destination.WebhookUrlGuard;
import dev.ticklist.notification.endpoint.WebhookEndpoint;
import dev.ticklist.notification.message.DueMessage;
import dev.ticklist.notification.signing.SecretCipher;
import dev.ticklist.notification.signing.SigningSecret;
import dev.ticklist.notification.signing.WebhookSignature;
import dev.ticklist.platform.kafka.EventNotPublishedException;
import dev.ticklist.platform.kafka.EventPublisher;
import dev.ticklist.platform.tracing.EventTraces;
import io.micrometer.tracing.Span;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.stereotype.Component;

/**
 * Makes one attempt of a message: checks the URL again (DNS may have changed), signs with every
 * secret that signs now, sends, and records the attempt with the time of the next one. A 410
 * answer, or failing without a success for too long, disables the endpoint.
 */
@Component
class WebhookDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final Duration RECORD_PATIENCE = Duration.ofMinutes(10);
    private static final Duration RECORD_RETRY = Duration.ofSeconds(2);
    private static final Duration RECORD_HOLD = Duration.ofMinutes(1);
    private static final RetryTemplate RECORD_RETRIES = recordRetries();

    private final WebhookUrlGuard guard;
    private final WebhookSender sender;
    private final SecretCipher cipher;
    private final EventPublisher publisher;
    private final DeliveryClaims claims;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final RetrySchedule schedule;
    private final Duration disableAfterFailing;
    private final EventTraces traces;

    WebhookDelivery(WebhookUrlGuard guard, WebhookSender sender, SecretCipher cipher, EventPublisher publisher,
                    DeliveryClaims claims, DeliveryMetrics metrics, Clock clock, WebhookProperties properties,
                    EventTraces traces) {
        this.traces = traces;
        this.guard = guard;
        this.sender = sender;
        this.cipher = cipher;
        this.publisher = publisher;
        this.claims = claims;
        this.metrics = metrics;
        this.clock = clock;
        this.schedule = RetrySchedule.of(properties);
        this.disableAfterFailing = properties.disableAfterFailing();
    }

    /** Makes the attempt and records it, in the milestone's trace; returns what the receiver answered. */
    AttemptResult attempt(DueMessage message, WebhookEndpoint endpoint) {
        Span span = traces.startFor(message.traceparent(), "webhook deliver");
        if (span == null) {
            return attemptInTrace(message, endpoint);
        }
        span.tag("ticklist.webhook.attempt", message.attempt());
        try (var scope = traces.inScope(span)) {
            AttemptResult result = attemptInTrace(message, endpoint);
            span.tag("ticklist.webhook.outcome", result.outcome().tag());
            return result;
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private AttemptResult attemptInTrace(DueMessage message, WebhookEndpoint endpoint) {
        AttemptResult result = send(message, endpoint);
        Instant finished = clock.instant();
        Optional<Instant> next = result.delivered() || result.gone() ? Optional.empty()
                : schedule.nextAttempt(message.attempt(), finished, result.retryAfter());
        record(message, new WebhookDeliveryAttemptedV2(endpoint.organisationId(), endpoint.id(),
                message.messageId(), message.attempt(), result.outcome().tag(), result.statusCode(),
                result.latency().toMillis(), result.responseExcerpt(), next.orElse(null)));
        metrics.record(result);
        if (result.gone()) {
            disable(endpoint, WebhookEndpointDisabled.GONE, "the endpoint answered 410 Gone at " + finished
                    + "; enable it again once it accepts webhooks");
        } else if (!result.delivered() && failingTooLong(endpoint, finished)) {
            disable(endpoint, WebhookEndpointDisabled.FAILING, "no successful delivery since "
                    + endpoint.failingSince() + " (the limit is " + disableAfterFailing + "); the last attempt: "
                    + describe(result));
        }
        return result;
    }

    /**
     * Writes the attempt's record, retrying the write (never the request) every
     * {@link #RECORD_RETRY} while the broker does not take it, and holding the claim meanwhile, so
     * no instance sends the message again just because its record is late. Past
     * {@link #RECORD_PATIENCE} the claim lapses and the attempt is made again later: at least once,
     * with the same {@code webhook-id}.
     */
    private void record(DueMessage message, WebhookDeliveryAttemptedV2 attempted) {
        try {
            RECORD_RETRIES.execute(new Retryable<Void>() {
                @Override
                public Void execute() {
                    try {
                        claims.extend(message.organisationId(), message.messageId(), message.attempt(), RECORD_HOLD);
                    } catch (RuntimeException redisAway) {
                        LOG.debug("Could not extend the claim of {}: {}", message.messageId(), redisAway.toString());
                    }
                    publisher.publish(Topics.WEBHOOKS, attempted);
                    return null;
                }

                @Override
                public String getName() {
                    return "Attempt " + message.attempt() + " of " + message.messageId();
                }
            });
        } catch (RetryException e) {
            // Given up (or interrupted): what the last write threw, as if there were no template.
            switch (e.getCause()) {
                case null -> throw new IllegalStateException(e);
                case RuntimeException cause -> throw cause;
                case Error error -> throw error;
                case Throwable other -> throw new IllegalStateException(other);
            }
        }
    }

    private static RetryTemplate recordRetries() {
        var retries = new RetryTemplate(RetryPolicy.builder()
                .includes(EventNotPublishedException.class)
                .maxRetries(Long.MAX_VALUE)
                .delay(RECORD_RETRY)
                .timeout(RECORD_PATIENCE)
                .build());
        retries.setRetryListener(new RetryListener() {
            @Override
            public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
                LOG.warn("{} is made but not yet recorded; retrying the record: {}", retryable.getName(),
                        state.getLastException().getMessage());
            }
        });
        return retries;
    }

    private AttemptResult send(DueMessage message, WebhookEndpoint endpoint) {
        URI url;
        try {
            url = guard.check(endpoint.url());
        } catch (RefusedUrlException e) {
            LOG.warn("Not calling endpoint {} of {}: {}", endpoint.id(), endpoint.organisationId(), e.getMessage());
            return AttemptResult.refused(e.getMessage());
        }
        Instant now = clock.instant();
        long timestamp = now.getEpochSecond();
        byte[] body = message.payload().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("user-agent", "Ticklist-Webhooks/1");
        headers.put("webhook-id", message.messageId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignature.sign(secretsOf(endpoint, now), message.messageId(),
                timestamp, body));
        return sender.post(url, headers, message.payload());
    }

    private boolean failingTooLong(WebhookEndpoint endpoint, Instant now) {
        return endpoint.failingSince() != null
                && Duration.between(endpoint.failingSince(), now).compareTo(disableAfterFailing) >= 0;
    }

    private void disable(WebhookEndpoint endpoint, String reason, String detail) {
        LOG.warn("Disabling webhook endpoint {} of {}: {}", endpoint.id(), endpoint.organisationId(), detail);
        publisher.publish(Topics.WEBHOOKS,
                new WebhookEndpointDisabled(endpoint.organisationId(), endpoint.id(), reason, detail));
    }

    private static String describe(AttemptResult result) {
        String what = result.statusCode() > 0 ? "HTTP " + result.statusCode() : result.outcome().tag();
        return result.responseExcerpt() == null ? what : what + " (" + result.responseExcerpt() + ")";
    }

    /** A secret that does not decrypt means a wrong key in configuration: stop here, rather than drop messages. */
    private List<SigningSecret> secretsOf(WebhookEndpoint endpoint, Instant now) {
        try {
            return endpoint.signingSecretsAt(now).stream()
                    .map(encrypted -> new SigningSecret(cipher.decrypt(encrypted, endpoint.secretContext())))
                    .toList();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the signing secret of endpoint " + endpoint.id() + " does not decrypt; "
                    + "is TICKLIST_WEBHOOK_ENCRYPTION_KEY the key it was encrypted with?", e);
        }
    }
}
