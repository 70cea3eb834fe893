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
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Feeds learner activity into the projection. Offsets are committed by the container only
 * after a record was applied and its milestones published.
 */
public class LearnerActivityListener {

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

    @KafkaListener(id = "learner-activity", topics = "ticklist.learner-activity")
    public void on(ConsumerRecord<String, EventEnvelope<?>> record) {
        var envelope = record.value();
        switch (envelope.event()) {
            case ItemActivity item -> {
                ChecklistStructure structure = structureOf(item);
                var level = structure.levelOf(item.itemId()).orElseThrow(() -> new PoisonEventException(
                        "item " + item.itemId() + " is not in " + item.checklistId() + " v" + item.checklistVersion()));
                @SuppressWarnings("unchecked")
                var itemEnvelope = (EventEnvelope<ItemActivity>) envelope;
                outbox.publish(projection.apply(itemEnvelope, record.offset(), structure, level));
            }
            case LearnerChecklistAssigned assigned ->
                    outbox.publish(projection.move(assigned, record.offset(), structureOf(assigned)));
            default -> throw new PoisonEventException("not a learner activity event: " + envelope.type());
        }
        applied.increment();
        eventAge.record(Duration.between(envelope.time(), clock.instant()));
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
