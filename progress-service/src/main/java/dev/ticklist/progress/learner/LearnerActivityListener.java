package dev.ticklist.progress.learner;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.activity.ItemActivity;
import dev.ticklist.events.activity.LearnerActivityEvent;
import dev.ticklist.events.activity.LearnerChecklistAssigned;
import dev.ticklist.events.catalog.CatalogEvent;
import dev.ticklist.platform.kafka.PoisonEventException;
import dev.ticklist.platform.kafka.TopicFollower;
import dev.ticklist.progress.catalog.ChecklistCatalog;
import dev.ticklist.progress.catalog.ChecklistStructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Feeds learner activity into the projection. Offsets are committed by the container only
 * after a batch was applied and its milestones published.
 */
public class LearnerActivityListener {

    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(LearnerActivityListener.class);

    private final ChecklistCatalog catalog;
    private final TopicFollower<CatalogEvent> catalogFollower;
    private final LearnerProgressProjection projection;
    private final MilestoneOutbox outbox;
    private final Counter applied;
    private final Timer eventAge;
    private final Clock clock;

    public LearnerActivityListener(ChecklistCatalog catalog, TopicFollower<CatalogEvent> catalogFollower,
                                   LearnerProgressProjection projection, MilestoneOutbox outbox,
                                   MeterRegistry meters, Clock clock) {
        this.catalog = catalog;
        this.catalogFollower = catalogFollower;
        this.projection = projection;
        this.outbox = outbox;
        this.clock = clock;
        this.applied = Counter.builder("ticklist.progress.events.applied")
                .description("learner activity events applied to projections").register(meters);
        this.eventAge = Timer.builder("ticklist.progress.event.age")
                .description("time from an event's occurrence to its application")
                .publishPercentileHistogram().register(meters);
    }

    /**
     * A batch of records, applied in one Redis pipeline in order. A record that can never be
     * applied ends the batch: the records before it are applied first, so the container commits
     * them and dead-letters that one record, then delivers the rest again.
     */
    // The group is spring.kafka.consumer.group-id, not the listener id, so a rebuild can run in a group of its own.
    @KafkaListener(id = "learner-activity", idIsGroup = false, topics = "ticklist.learner-activity", batch = "true")
    public void on(List<ConsumerRecord<String, EventEnvelope<?>>> records) {
        var changes = new ArrayList<LearnerProgressProjection.Change>(records.size());
        for (int index = 0; index < records.size(); index++) {
            var record = records.get(index);
            try {
                changes.add(changeOf(record));
            } catch (PoisonEventException e) {
                applyAndPublish(changes, records.subList(0, index));
                throw new BatchListenerFailedException(e.getMessage(), e, index);
            }
        }
        applyAndPublish(changes, records);
    }

    private LearnerProgressProjection.Change changeOf(ConsumerRecord<String, EventEnvelope<?>> record) {
        var envelope = record.value();
        if (envelope == null) {
            var unreadable = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
            throw new PoisonEventException(unreadable == null ? "an empty record"
                    : unreadable.getCause() == null ? unreadable.getMessage() : unreadable.getCause().getMessage());
        }
        return switch (envelope.event()) {
            case ItemActivity item -> {
                ChecklistStructure structure = structureOf(item);
                var level = structure.levelOf(item.itemId()).orElseThrow(() -> new PoisonEventException(
                        "item " + item.itemId() + " is not in " + item.checklistId() + " v" + item.checklistVersion()));
                @SuppressWarnings("unchecked")
                var itemEnvelope = (EventEnvelope<ItemActivity>) envelope;
                yield projection.tick(itemEnvelope, record.offset(), structure, level);
            }
            case LearnerChecklistAssigned assigned -> projection.move(record.offset(), assigned, structureOf(assigned));
            default -> throw new PoisonEventException("not a learner activity event: " + envelope.type());
        };
    }

    private void applyAndPublish(List<LearnerProgressProjection.Change> changes,
                                 List<ConsumerRecord<String, EventEnvelope<?>>> records) {
        outbox.publish(projection.applyAll(changes));
        applied.increment(changes.size());
        var now = clock.instant();
        records.forEach(record -> eventAge.record(Duration.between(record.value().time(), now)));
    }

    /** A tick is only ever published for a version already in the catalog; wait for it if need be. */
    private ChecklistStructure structureOf(LearnerActivityEvent event) {
        var found = catalog.find(event.checklistId(), event.checklistVersion());
        if (found.isPresent()) {
            return found.get();
        }
        try {
            catalogFollower.awaitCaughtUp(event.checklistId(), Duration.ofSeconds(10));
        } catch (TimeoutException e) {
            throw new IllegalStateException("the catalog is not caught up yet", e);
        }
        return catalog.find(event.checklistId(), event.checklistVersion()).orElseThrow(() -> new PoisonEventException(
                "unknown checklist " + event.checklistId() + " v" + event.checklistVersion()));
    }
}
