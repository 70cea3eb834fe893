package dev.ticklist.progress.learner;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.activity.ItemActivity;
import dev.ticklist.events.activity.ItemEvidenceAttached;
import dev.ticklist.events.activity.LearnerActivityEvent;
import dev.ticklist.events.activity.LearnerChecklistAssigned;
import dev.ticklist.platform.kafka.PoisonAwareBatch;
import dev.ticklist.platform.kafka.PoisonEventException;
import dev.ticklist.platform.kafka.ReadableRecords;
import dev.ticklist.platform.tracing.BatchTraces;
import dev.ticklist.platform.tracing.EventTraces;
import dev.ticklist.progress.catalog.ChecklistStructures;
import dev.ticklist.progress.generation.ProjectionGenerations;
import dev.ticklist.progress.generation.ProjectionMarkers;
import dev.ticklist.progress.live.LiveProgressPublisher;
import dev.ticklist.progress.model.LearnerActivity;
import dev.ticklist.progress.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Feeds learner activity into the projections, a poll at a time: folded in memory by learner
 * ({@link LearnerFold}), each touched learner written once, then the events it caused published.
 * The container commits the poll's offsets only after that, so a crash at any point applies the
 * poll again, and the learners' markers make that change nothing twice.
 */
public class LearnerActivityListener {

    private final ChecklistStructures structures;
    private final LearnerFold fold;
    private final LearnerCache cache;
    private final Outbox outbox;
    private final ProjectionGenerations generations;
    private final LiveProgressPublisher live;
    private final ProjectionMarkers markers;
    private final Counter applied;
    private final Timer eventAge;
    private final Clock clock;
    private final EventTraces traces;

    public LearnerActivityListener(ChecklistStructures structures, LearnerFold fold, LearnerCache cache, Outbox outbox,
                                   ProjectionGenerations generations, LiveProgressPublisher live,
                                   ProjectionMarkers markers, MeterRegistry meters, Clock clock, EventTraces traces) {
        this.traces = traces;
        this.structures = structures;
        this.fold = fold;
        this.cache = cache;
        this.outbox = outbox;
        this.generations = generations;
        this.live = live;
        this.markers = markers;
        this.clock = clock;
        this.applied = Counter.builder("ticklist.progress.events.applied")
                .description("learner activity events applied to projections").register(meters);
        this.eventAge = Timer.builder("ticklist.progress.event.age")
                .description("time from an event's recording to its application")
                .publishPercentileHistogram().register(meters);
    }

    // The group is spring.kafka.consumer.group-id, not the listener id, so a rebuild can run in a group of its own.
    @KafkaListener(id = "learner-activity", idIsGroup = false, topics = "ticklist.learner-activity", batch = "true")
    public void on(List<ConsumerRecord<String, EventEnvelope<?>>> records, Consumer<?, ?> consumer) {
        var intact = markers.intactOnly(records, consumer, cache::evictPartitions);
        try {
            PoisonAwareBatch.apply(intact, this::activityOf,
                    (activities, applicable) -> apply(activities, applicable, consumer));
        } catch (BatchListenerFailedException e) {
            markers.passedOver(e.getRecord());
            throw e;
        }
    }

    private void apply(List<LearnerActivity> activities, List<ConsumerRecord<String, EventEnvelope<?>>> applicable,
                       Consumer<?, ?> consumer) {
        var envelopes = applicable.stream().<EventEnvelope<?>>map(ConsumerRecord::value).toList();
        try (var batchTraces = BatchTraces.open(traces, "learner-activity apply", envelopes)) {
            try {
                var folded = fold.fold(activities);
                // Events caused on state Redis lost meanwhile rest on nothing: their partitions are applied again.
                outbox.publish(markers.stillStanding(folded.pending(), applicable, consumer, cache::evictPartitions),
                        batchTraces::traceparentFor);
                if (generations.isServing()) {
                    live.announce(folded.live());
                }
            } catch (RuntimeException e) {
                batchTraces.failed(e);
                // The poll is delivered again: start from what Redis holds, outboxes included.
                cache.clear();
                throw e;
            }
        }
        applied.increment(activities.size());
        // From the record's timestamp, when it was written: an imported tick's own time may be years ago.
        long now = clock.millis();
        applicable.forEach(record -> eventAge.record(Duration.ofMillis(Math.max(0, now - record.timestamp()))));
    }

    /** The record as the model reads it, once its checklist version and item are known to exist. */
    private LearnerActivity activityOf(ConsumerRecord<String, EventEnvelope<?>> record) {
        var envelope = ReadableRecords.envelopeOf(record);
        if (!(envelope.event() instanceof LearnerActivityEvent event)) {
            throw new PoisonEventException("not a learner activity event: " + envelope.type());
        }
        switch (event) {
            case ItemActivity item -> {
                var structure = structures.require(item.checklistId(), item.checklistVersion());
                if (structure.levelOf(item.itemId()).isEmpty()) {
                    throw new PoisonEventException("item " + item.itemId() + " is not in " + item.checklistId()
                            + " v" + item.checklistVersion());
                }
            }
            case LearnerChecklistAssigned moved -> structures.require(moved.checklistId(), moved.checklistVersion());
            case ItemEvidenceAttached attached -> structures.require(attached.checklistId(), attached.checklistVersion());
            default -> {
            }
        }
        return new LearnerActivity(envelope.id(), record.partition(), record.offset(), envelope.time(), event);
    }
}
