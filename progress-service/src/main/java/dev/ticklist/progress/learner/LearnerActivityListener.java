package dev.ticklist.progress.learner;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.activity.ItemActivity;
import dev.ticklist.events.activity.LearnerChecklistAssigned;
import dev.ticklist.events.activity.LearnerJoinedCohort;
import dev.ticklist.events.activity.LearnerLeftCohort;
import dev.ticklist.events.cohort.CohortMemberChanged;
import dev.ticklist.platform.kafka.PoisonAwareBatch;
import dev.ticklist.platform.kafka.PoisonEventException;
import dev.ticklist.platform.kafka.ReadableRecords;
import dev.ticklist.progress.catalog.ChecklistStructures;
import dev.ticklist.progress.generation.ProjectionGenerations;
import dev.ticklist.progress.generation.ProjectionMarkers;
import dev.ticklist.progress.live.LiveProgressPublisher;
import dev.ticklist.progress.live.ProgressChange;
import dev.ticklist.progress.outbox.Outbox;
import dev.ticklist.progress.redis.ScriptBatch.Piece;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Feeds learner activity into the projection. Offsets are committed by the container only
 * after a batch was applied and the events it caused were published.
 */
public class LearnerActivityListener {

    private final ChecklistStructures structures;
    private final LearnerProgressProjection projection;
    private final Outbox outbox;
    private final ProjectionGenerations generations;
    private final LiveProgressPublisher live;
    private final ProjectionMarkers markers;
    private final Counter applied;
    private final Timer eventAge;
    private final Clock clock;

    public LearnerActivityListener(ChecklistStructures structures, LearnerProgressProjection projection,
                                   Outbox outbox, ProjectionGenerations generations, LiveProgressPublisher live,
                                   ProjectionMarkers markers, MeterRegistry meters, Clock clock) {
        this.markers = markers;
        this.generations = generations;
        this.live = live;
        this.structures = structures;
        this.projection = projection;
        this.outbox = outbox;
        this.clock = clock;
        this.applied = Counter.builder("ticklist.progress.events.applied")
                .description("learner activity events applied to projections").register(meters);
        this.eventAge = Timer.builder("ticklist.progress.event.age")
                .description("time from an event's occurrence to its application")
                .publishPercentileHistogram().register(meters);
    }

    /** A batch of records, applied in one Redis pipeline in order (see {@link PoisonAwareBatch}). */
    // The group is spring.kafka.consumer.group-id, not the listener id, so a rebuild can run in a group of its own.
    @KafkaListener(id = "learner-activity", idIsGroup = false, topics = "ticklist.learner-activity", batch = "true")
    public void on(List<ConsumerRecord<String, EventEnvelope<?>>> records, Consumer<?, ?> consumer) {
        PoisonAwareBatch.apply(markers.intactOnly(records, consumer), this::changeOf,
                (changes, applicable) -> applyAndPublish(changes, applicable, consumer));
    }

    @SuppressWarnings("unchecked")
    private Piece changeOf(ConsumerRecord<String, EventEnvelope<?>> record) {
        var envelope = ReadableRecords.envelopeOf(record);
        return switch (envelope.event()) {
            case ItemActivity item -> {
                var structure = structures.require(item.checklistId(), item.checklistVersion());
                var level = structure.levelOf(item.itemId()).orElseThrow(() -> new PoisonEventException(
                        "item " + item.itemId() + " is not in " + item.checklistId() + " v" + item.checklistVersion()));
                yield projection.tick((EventEnvelope<ItemActivity>) envelope, record.partition(), record.offset(),
                        structure, level);
            }
            case LearnerChecklistAssigned assigned -> projection.move((EventEnvelope<LearnerChecklistAssigned>) envelope,
                    record.partition(), record.offset(),
                    structures.require(assigned.checklistId(), assigned.checklistVersion()));
            case LearnerJoinedCohort joined -> projection.membership((EventEnvelope<LearnerJoinedCohort>) envelope,
                    record.partition(), record.offset());
            case LearnerLeftCohort left -> projection.membership((EventEnvelope<LearnerLeftCohort>) envelope,
                    record.partition(), record.offset());
            default -> throw new PoisonEventException("not a learner activity event: " + envelope.type());
        };
    }

    private void applyAndPublish(List<Piece> changes, List<ConsumerRecord<String, EventEnvelope<?>>> records,
                                 Consumer<?, ?> consumer) {
        // Events caused on state Redis lost meanwhile rest on nothing: their partitions are applied again.
        var caused = markers.stillStanding(projection.applyAll(changes), records, consumer);
        outbox.publish(caused);
        applied.increment(changes.size());
        if (generations.isServing()) {
            live.announce(caused.stream()
                    .filter(pending -> pending.event() instanceof CohortMemberChanged)
                    .map(pending -> ProgressChange.of((CohortMemberChanged) pending.event()))
                    .toList());
        }
        var now = clock.instant();
        records.forEach(record -> eventAge.record(Duration.between(record.value().time(), now)));
    }
}
