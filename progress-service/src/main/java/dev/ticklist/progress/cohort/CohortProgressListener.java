package dev.ticklist.progress.cohort;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.cohort.CohortMemberChanged;
import dev.ticklist.platform.kafka.PoisonAwareBatch;
import dev.ticklist.platform.kafka.PoisonEventException;
import dev.ticklist.platform.kafka.ReadableRecords;
import dev.ticklist.progress.catalog.ChecklistStructures;
import dev.ticklist.progress.generation.ProjectionMarkers;
import dev.ticklist.progress.outbox.Outbox;
import dev.ticklist.progress.redis.ScriptBatch.Piece;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** Feeds the cohort stream into cohort projections; offsets are committed after a batch is applied. */
public class CohortProgressListener {

    private final ChecklistStructures structures;
    private final CohortProjection projection;
    private final Outbox outbox;
    private final ProjectionMarkers markers;
    private final Counter applied;

    public CohortProgressListener(ChecklistStructures structures, CohortProjection projection, Outbox outbox,
                                  ProjectionMarkers markers, MeterRegistry meters) {
        this.markers = markers;
        this.structures = structures;
        this.projection = projection;
        this.outbox = outbox;
        this.applied = Counter.builder("ticklist.progress.cohort.changes.applied")
                .description("learners' changes applied to cohort projections").register(meters);
    }

    @KafkaListener(id = "cohort-progress", idIsGroup = false, topics = "ticklist.cohort-progress", batch = "true")
    public void on(List<ConsumerRecord<String, EventEnvelope<?>>> records, Consumer<?, ?> consumer) {
        PoisonAwareBatch.apply(markers.intactOnly(records, consumer), this::changeOf, (calls, applicable) -> {
            var own = calls.stream().filter(Objects::nonNull).toList();
            outbox.publish(markers.stillStanding(projection.applyAll(own), applicable, consumer));
            applied.increment(own.size());
        });
    }

    /** The change's script call, or null for a change another generation derived. */
    @SuppressWarnings("unchecked")
    private Piece changeOf(ConsumerRecord<String, EventEnvelope<?>> record) {
        var envelope = ReadableRecords.envelopeOf(record);
        if (!(envelope.event() instanceof CohortMemberChanged change)) {
            throw new PoisonEventException("not a cohort progress event: " + envelope.type());
        }
        if (!projection.builds(change)) {
            return null;
        }
        return projection.change((EventEnvelope<CohortMemberChanged>) envelope,
                structures.require(change.checklistId(), change.checklistVersion()));
    }
}
