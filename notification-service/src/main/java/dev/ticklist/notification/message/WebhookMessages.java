package dev.ticklist.notification.message;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.webhook.WebhookDeliveryAttemptedV2;
import dev.ticklist.events.webhook.WebhookEndpointDeleted;
import dev.ticklist.events.webhook.WebhookEvent;
import dev.ticklist.events.webhook.WebhookMessageQueued;
import dev.ticklist.events.webhook.WebhookMessageRetryRequested;
import dev.ticklist.notification.WebhookProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Every endpoint's messages and their attempts, folded from the webhook events: the delivery log,
 * and the schedule of what is due. A restart reads the events again, so a pending retry survives it.
 * The ids of all messages ever queued are kept (about 100 bytes each), so a milestone read again
 * years later still queues nothing; of finished messages, the newest {@link #FINISHED_KEPT} per
 * endpoint stay in the log.
 */
@Component
public class WebhookMessages {

    static final int FINISHED_KEPT = 1_000;

    private final Duration firstWait;
    private final Map<String, Organisation> organisations = new ConcurrentHashMap<>();
    private final Map<String, DueMessage> pending = new ConcurrentHashMap<>();

    WebhookMessages(WebhookProperties properties) {
        this.firstWait = properties.retrySchedule().getFirst();
    }

    public void apply(EventEnvelope<? extends WebhookEvent> envelope) {
        WebhookEvent event = envelope.event();
        Organisation organisation = organisations.computeIfAbsent(event.organisationId(), id -> new Organisation());
        switch (event) {
            case WebhookMessageQueued queued -> organisation.queue(queued, envelope.time(), envelope.traceparent());
            case WebhookDeliveryAttemptedV2 attempted -> organisation.record(attempted, envelope.time());
            case WebhookMessageRetryRequested retry -> organisation.retry(retry, envelope.time());
            case WebhookEndpointDeleted deleted -> organisation.delete(deleted.endpointId());
            default -> {
                // endpoint settings are WebhookEndpoints' business
            }
        }
    }

    /** Whether this message id was ever queued in the organisation. */
    public boolean isKnown(String organisationId, String messageId) {
        return organisation(organisationId).map(organisation -> organisation.isKnown(messageId)).orElse(false);
    }

    /** An endpoint's messages, newest first, optionally of one status only. */
    public List<MessageView> of(String organisationId, String endpointId, Optional<MessageStatus> status, int limit) {
        return organisation(organisationId)
                .map(organisation -> organisation.messages(endpointId, status, limit))
                .orElse(List.of());
    }

    public Optional<MessageView> find(String organisationId, String endpointId, String messageId) {
        return organisation(organisationId).flatMap(organisation -> organisation.find(endpointId, messageId));
    }

    /**
     * Messages due at {@code now} that are {@code ready}, at most {@code room} of each endpoint
     * (its oldest), the longest overdue first. Readiness and room are asked per endpoint before
     * the limit, so one endpoint's backlog, or one that cannot take more, never crowds out the
     * messages of others.
     */
    public List<DueMessage> dueAt(Instant now, int limit, Predicate<DueMessage> ready,
                                  ToIntFunction<DueMessage> room) {
        Map<String, List<DueMessage>> byEndpoint = pending.values().stream()
                .filter(message -> !message.dueAt().isAfter(now))
                .filter(ready)
                .collect(Collectors.groupingBy(message -> message.organisationId() + "/" + message.endpointId()));
        var chosen = new ArrayList<DueMessage>();
        for (List<DueMessage> ofOneEndpoint : byEndpoint.values()) {
            ofOneEndpoint.stream()
                    .sorted(Comparator.comparing(DueMessage::dueAt))
                    .limit(Math.max(0, room.applyAsInt(ofOneEndpoint.getFirst())))
                    .forEach(chosen::add);
        }
        chosen.sort(Comparator.comparing(DueMessage::dueAt));
        return chosen.size() > limit ? List.copyOf(chosen.subList(0, limit)) : chosen;
    }

    /** Every message still to be attempted, due or not. */
    public Collection<DueMessage> pending() {
        return List.copyOf(pending.values());
    }

    private Optional<Organisation> organisation(String organisationId) {
        return Optional.ofNullable(organisations.get(organisationId));
    }

    /** The mutable state of one message, only ever touched under its organisation's lock. */
    private static final class Message {
        final WebhookMessageQueued queued;
        final Instant createdAt;
        final String traceparent;
        final List<AttemptView> attempts = new ArrayList<>();
        MessageStatus status = MessageStatus.PENDING;
        Instant nextAttemptAt;

        Message(WebhookMessageQueued queued, Instant createdAt, Instant firstAttemptAt, String traceparent) {
            this.queued = queued;
            this.createdAt = createdAt;
            this.traceparent = traceparent;
            this.nextAttemptAt = firstAttemptAt;
        }

        DueMessage due() {
            return new DueMessage(queued.organisationId(), queued.endpointId(), queued.messageId(),
                    attempts.size() + 1, nextAttemptAt, createdAt, queued.payload(), traceparent);
        }

        MessageView view() {
            return new MessageView(queued.messageId(), queued.endpointId(), queued.eventType(),
                    queued.milestoneEventId(), status.label(), createdAt, nextAttemptAt, List.copyOf(attempts));
        }
    }

    private final class Organisation {
        private final Set<String> known = new HashSet<>();
        private final Set<String> deletedEndpoints = new HashSet<>();
        private final Map<String, LinkedHashMap<String, Message>> byEndpoint = new HashMap<>();
        /** Per endpoint, message ids in the order they finished: the log forgets from the front. */
        private final Map<String, ArrayDeque<String>> finishedOrder = new HashMap<>();

        synchronized void queue(WebhookMessageQueued queued, Instant at, String traceparent) {
            if (deletedEndpoints.contains(queued.endpointId()) || !known.add(queued.messageId())) {
                return; // queued twice (a milestone read again), or raced a deletion
            }
            var message = new Message(queued, at, at.plus(firstWait), traceparent);
            var log = byEndpoint.computeIfAbsent(queued.endpointId(), id -> new LinkedHashMap<>());
            log.put(queued.messageId(), message);
            schedule(message);
        }

        synchronized void record(WebhookDeliveryAttemptedV2 attempted, Instant at) {
            // Version 1 attempts (read upcast) had no queued message, but their ids are made the
            // same way: a milestone delivered then and read again must not be queued anew.
            known.add(attempted.messageId());
            Message message = message(attempted.endpointId(), attempted.messageId());
            if (message == null || attempted.attempt() <= message.attempts.size()) {
                return; // unknown, or an attempt made again after a crash: the first record stands
            }
            message.attempts.add(new AttemptView(attempted.attempt(), at, attempted.outcome(),
                    attempted.statusCode(), attempted.latencyMillis(), attempted.responseExcerpt()));
            message.nextAttemptAt = attempted.delivered() ? null : attempted.nextAttemptAt();
            message.status = attempted.delivered() ? MessageStatus.DELIVERED
                    : message.nextAttemptAt == null ? MessageStatus.FAILED : MessageStatus.PENDING;
            schedule(message);
            if (message.status != MessageStatus.PENDING) {
                forgetOldFinished(attempted.endpointId(), message);
            }
        }

        synchronized void retry(WebhookMessageRetryRequested retry, Instant at) {
            Message message = message(retry.endpointId(), retry.messageId());
            if (message != null && message.status == MessageStatus.FAILED) {
                message.status = MessageStatus.PENDING;
                message.nextAttemptAt = at;
                schedule(message);
            }
        }

        synchronized void delete(String endpointId) {
            deletedEndpoints.add(endpointId);
            finishedOrder.remove(endpointId);
            var log = byEndpoint.remove(endpointId);
            if (log != null) {
                log.values().forEach(message -> pending.remove(message.due().key()));
            }
        }

        synchronized boolean isKnown(String messageId) {
            return known.contains(messageId);
        }

        synchronized List<MessageView> messages(String endpointId, Optional<MessageStatus> status, int limit) {
            var newestFirst = new ArrayList<>(byEndpoint.getOrDefault(endpointId, new LinkedHashMap<>()).values())
                    .reversed();
            return newestFirst.stream()
                    .filter(message -> status.map(wanted -> message.status == wanted).orElse(true))
                    .limit(limit)
                    .map(Message::view)
                    .toList();
        }

        synchronized Optional<MessageView> find(String endpointId, String messageId) {
            return Optional.ofNullable(message(endpointId, messageId)).map(Message::view);
        }

        private Message message(String endpointId, String messageId) {
            var log = byEndpoint.get(endpointId);
            return log == null ? null : log.get(messageId);
        }

        private void schedule(Message message) {
            DueMessage due = message.due();
            if (message.status == MessageStatus.PENDING) {
                pending.put(due.key(), due);
            } else {
                pending.remove(due.key());
            }
        }

        /**
         * Keeps the newest {@link #FINISHED_KEPT} finished messages of an endpoint, in constant
         * time per event (replaying years of attempts must stay quick). A message retried by hand
         * keeps its first place in the order, so it may leave the log a little early.
         */
        private void forgetOldFinished(String endpointId, Message finished) {
            var order = finishedOrder.computeIfAbsent(endpointId, id -> new ArrayDeque<>());
            order.addLast(finished.queued.messageId());
            var log = byEndpoint.get(endpointId);
            while (order.size() > FINISHED_KEPT) {
                Message oldest = log.get(order.pollFirst());
                if (oldest != null && oldest.status != MessageStatus.PENDING) {
                    log.remove(oldest.queued.messageId());
                }
            }
        }
    }
}
