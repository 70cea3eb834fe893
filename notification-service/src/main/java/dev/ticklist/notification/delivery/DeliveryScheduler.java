package dev.ticklist.notification.delivery;

import dev.ticklist.notification.WebhookProperties;
import dev.ticklist.notification.endpoint.WebhookEndpoint;
import dev.ticklist.notification.endpoint.WebhookEndpoints;
import dev.ticklist.notification.message.DueMessage;
import dev.ticklist.notification.message.WebhookMessages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Looks for due messages every poll interval, and again as soon as an attempt ends (so an
 * endpoint's next message does not wait for the next poll), and hands each to a virtual thread of
 * its own, at most as many at once per endpoint as its {@link EndpointWindow} allows (up to
 * {@code max-in-flight-per-endpoint}): a hanging receiver ties up its own attempts only, never
 * the others', and a fast one is sent many at once. A message is attempted only by the instance that claims
 * it in Redis; while Redis is unreachable, no attempts start (they wait, nothing is lost).
 */
@Component
class DeliveryScheduler implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryScheduler.class);
    private static final int MAX_PER_POLL = 1_000;
    /** A claim outlives the attempt, and the time for this instance to read back its record. */
    private static final Duration CLAIM_MARGIN = Duration.ofSeconds(30);

    private final WebhookMessages messages;
    private final WebhookEndpoints endpoints;
    private final DeliveryClaims claims;
    private final WebhookDelivery delivery;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration claimLease;
    private final Duration attemptTimeout;
    private final int maxInFlightPerEndpoint;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /** Per endpoint ({@code <org>/<endpoint>}): its attempts under way here, and how many there may be. */
    private final Map<String, EndpointWindow> windows = new ConcurrentHashMap<>();
    /** A pass asked for by an attempt that ended and not yet run: passes never queue up behind each other. */
    private final AtomicBoolean passAsked = new AtomicBoolean();
    /** Attempts whose claim another instance holds, until its lease ends: not asked of Redis every poll. */
    private final Map<String, Instant> claimedElsewhere = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService poller;
    private volatile ExecutorService attempts;

    DeliveryScheduler(WebhookMessages messages, WebhookEndpoints endpoints, DeliveryClaims claims,
                      WebhookDelivery delivery, Clock clock, WebhookProperties properties) {
        this.messages = messages;
        this.endpoints = endpoints;
        this.claims = claims;
        this.delivery = delivery;
        this.clock = clock;
        this.pollInterval = properties.pollInterval();
        this.attemptTimeout = properties.attemptTimeout();
        this.claimLease = attemptTimeout.plus(CLAIM_MARGIN);
        this.maxInFlightPerEndpoint = properties.maxInFlightPerEndpoint();
    }

    void startDueAttempts() {
        passAsked.set(false);
        try {
            Instant now = clock.instant();
            claimedElsewhere.values().removeIf(until -> until.isBefore(now));
            for (DueMessage due : messages.dueAt(clock.instant(), MAX_PER_POLL, this::isReady, this::roomFor)) {
                endpointReadyFor(due).ifPresent(endpoint -> startIfClaimed(due, endpoint));
            }
        } catch (RuntimeException e) { // Redis or a bug: the next poll tries again
            LOG.warn("Could not start due webhook attempts: {}", e.toString());
        }
    }

    private boolean isReady(DueMessage due) {
        return endpointReadyFor(due).isPresent();
    }

    /** How many more attempts the message's endpoint may have under way here. */
    private int roomFor(DueMessage due) {
        return windowOf(due.organisationId(), due.endpointId()).room();
    }

    /** Not already under way here, its endpoint enabled and below its in-flight limit. */
    private Optional<WebhookEndpoint> endpointReadyFor(DueMessage due) {
        if (inFlight.contains(due.key()) || claimedElsewhere.containsKey(attemptKey(due))) {
            return Optional.empty();
        }
        return endpoints.find(due.organisationId(), due.endpointId())
                .filter(WebhookEndpoint::enabled)
                .filter(endpoint -> windowOf(endpoint.organisationId(), endpoint.id()).room() > 0);
    }

    private void startIfClaimed(DueMessage due, WebhookEndpoint endpoint) {
        if (!claims.claim(due.organisationId(), due.messageId(), due.attempt(), claimLease)) {
            // Another instance makes this attempt, or this one made it and has not read its record yet.
            claimedElsewhere.put(attemptKey(due), clock.instant().plus(claimLease));
            return;
        }
        inFlight.add(due.key());
        var window = windowOf(endpoint.organisationId(), endpoint.id());
        window.started();
        attempts.execute(() -> {
            boolean learned = false;
            try {
                if (delivery.attempt(due, endpoint).delivered()) {
                    window.delivered();
                } else {
                    window.notDelivered();
                }
                learned = true;
            } catch (RuntimeException e) {
                LOG.warn("Attempt {} of message {} to endpoint {} failed to complete: {}", due.attempt(),
                        due.messageId(), endpoint.id(), e.toString());
            } finally {
                if (!learned) {
                    window.ended();
                }
                inFlight.remove(due.key());
                askForPass();
            }
        });
    }

    private static String attemptKey(DueMessage due) {
        return due.key() + "#" + due.attempt();
    }

    /** A slot freed: look again now rather than at the next poll. */
    private void askForPass() {
        var current = poller;
        if (current != null && passAsked.compareAndSet(false, true)) {
            try {
                current.execute(this::startDueAttempts);
            } catch (RejectedExecutionException stopping) {
                // the service stops; the next start polls anyway
            }
        }
    }

    private EndpointWindow windowOf(String organisationId, String endpointId) {
        return windows.computeIfAbsent(organisationId + "/" + endpointId,
                key -> new EndpointWindow(maxInFlightPerEndpoint));
    }

    @Override
    public void start() {
        attempts = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("webhook-attempt-", 0).factory());
        poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("webhook-scheduler").factory());
        poller.scheduleWithFixedDelay(this::startDueAttempts, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Attempts under way get their timeout to finish and be recorded; an unrecorded one is made again later. */
    @Override
    public void stop() {
        poller.shutdownNow();
        attempts.shutdown();
        try {
            if (!attempts.awaitTermination(attemptTimeout.plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS)) {
                attempts.shutdownNow();
            }
        } catch (InterruptedException e) {
            attempts.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null && !poller.isShutdown();
    }
}
