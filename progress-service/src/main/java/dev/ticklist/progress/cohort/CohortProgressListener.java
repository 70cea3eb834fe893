package dev.ticklist.progress.cohort;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.cohort.CohortMembersChanged;
import dev.ticklist.platform.kafka.PoisonAwareBatch;
import dev.ticklist.platform.kafka.PoisonEventException;
import dev.ticklist.platform.kafka.ReadableRecords;
import dev.ticklist.progress.catalog.ChecklistStructures;
import dev.ticklist.progress.generation.ProjectionMarkers;
import dev.ticklist.progress.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;

/** Feeds the cohort stream into cohort projections, a poll at a time; offsets are committed after it is applied. */
public class CohortProgressListener {

    private final ChecklistStructures structures;
    private final CohortFold fold;
    private final CohortCache cache;
    private final String generation;
    private final Outbox outbox;
    private final ProjectionMarkers markers;
    private final Counter applied;

    public CohortProgressListener(ChecklistStructures structures, CohortFold fold, CohortCache cache,
                                  String generation, Outbox outbox, ProjectionMarkers markers, MeterRegistry meters) {
        this.structures = structures;
        this.fold = fold;
        this.cache = cache;
        this.generation = generation;
        this.markers = markers;
        this.outbox = outbox;
        this.applied = Counter.builder("ticklist.progress.cohort.changes.applied")
                .description("learners' net changes applied to cohort projections").register(meters);
    }

    // A record carries up to 1,000 learners' changes (learner activity's 20,000-event polls would be
    // millions of members decoded at once): a poll of 100 records keeps the heap and the fold bounded.
    @KafkaListener(id = "cohort-progress", idIsGroup = false, topics = "ticklist.cohort-progress", batch = "true",
            properties = {"max.poll.records=100", "max.partition.fetch.bytes=1048576"})
    public void on(List<ConsumerRecord<String, EventEnvelope<?>>> records, Consumer<?, ?> consumer) {
        // Cohorts are cached whole, not by partition: any loss drops them all.
        var intact = markers.intactOnly(records, consumer, lost -> cache.clear());
        try {
            PoisonAwareBatch.apply(intact, this::recordOf, (changes, applicable) -> apply(changes, applicable, consumer));
        } catch (BatchListenerFailedException e) {
            markers.passedOver(e.getRecord());
            throw e;
        }
    }

    private void apply(List<CohortFold.Record> changes, List<ConsumerRecord<String, EventEnvelope<?>>> applicable,
                       Consumer<?, ?> consumer) {
        var own = changes.stream().filter(Objects::nonNull).toList();
        try {
            outbox.publish(markers.stillStanding(fold.fold(own), applicable, consumer, lost -> cache.clear()));
        } catch (RuntimeException e) {
            cache.clear();
            throw e;
        }
        applied.increment(own.stream().mapToInt(record -> record.change().members().size()).sum());
    }

    /** The record as this generation applies it, or null for a change another generation derived. */
    private CohortFold.Record recordOf(ConsumerRecord<String, EventEnvelope<?>> record) {
        var envelope = ReadableRecords.envelopeOf(record);
        // Older versions come upcast by the deserializer.
        if (!(envelope.event() instanceof CohortMembersChanged change)) {
            throw new PoisonEventException("not a cohort progress event: " + envelope.type());
        }
        if (!generation.equals(change.generation())) {
            return null;
        }
        // Every version named must exist before the fold starts, so a bad record poisons alone.
        change.members().forEach(member -> structures.require(member.checklistId(), member.checklistVersion()));
        return new CohortFold.Record(record.offset(), change);
    }
}
