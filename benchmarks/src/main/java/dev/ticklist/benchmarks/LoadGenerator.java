package dev.ticklist.benchmarks;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.Topics;
import dev.ticklist.events.activity.ItemTicked;
import dev.ticklist.events.catalog.ChecklistVersionPublished;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Category;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Item;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Level;
import dev.ticklist.events.kafka.EventEnvelopeSerializer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes what checklist-service would have: one checklist version (3 levels x 3 categories
 * x 10 items) to the catalog, then ticks of its items spread round-robin over the learners.
 * Each learner ticks its items in order, so with 90 or more ticks per learner every learner
 * finishes every level, and the service publishes those milestones too, as it would live.
 */
final class LoadGenerator {

    static final String ORGANISATION = "org-bench";
    static final String CHECKLIST = "bench-checklist";
    static final int VERSION = 1;
    private static final String SOURCE = "/ticklist/checklist-service";

    private final String bootstrapServers;
    private final List<String> itemIds;

    LoadGenerator(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.itemIds = checklist().levels().stream()
                .flatMap(level -> level.categories().stream())
                .flatMap(category -> category.items().stream())
                .map(Item::id)
                .toList();
    }

    /** Publishes the checklist, then the ticks; the rate covers the ticks, from first send to last ack. */
    Rate publish(int events, int learners) {
        try (var producer = new KafkaProducer<String, EventEnvelope<?>>(producerConfig(),
                new StringSerializer(), new EventEnvelopeSerializer())) {
            var catalog = envelope(checklist());
            producer.send(new ProducerRecord<>(Topics.CATALOG.name(), catalog.event().key(), catalog));
            producer.flush();

            var failure = new AtomicReference<Exception>();
            var acked = new AtomicLong();
            long start = System.nanoTime();
            for (int n = 0; n < events; n++) {
                var tick = envelope(tick(n, learners));
                producer.send(new ProducerRecord<>(Topics.LEARNER_ACTIVITY.name(), tick.event().key(), tick),
                        (metadata, exception) -> {
                            if (exception != null) {
                                failure.compareAndSet(null, exception);
                            } else {
                                acked.incrementAndGet();
                            }
                        });
            }
            producer.flush();
            var rate = Rate.since(events, start);
            if (failure.get() != null || acked.get() != events) {
                throw new IllegalStateException("only " + acked.get() + " of " + events + " ticks were acknowledged",
                        failure.get());
            }
            return rate;
        }
    }

    /** Event n goes to learner n mod L, who ticks its items in checklist order (and starts over after 90). */
    private ItemTicked tick(int n, int learners) {
        int learner = n % learners;
        int ofLearner = n / learners;
        return new ItemTicked(ORGANISATION, "cohort-" + (learner % 20), "learner-" + learner,
                CHECKLIST, VERSION, itemIds.get(ofLearner % itemIds.size()));
    }

    static ChecklistVersionPublished checklist() {
        var levels = new ArrayList<Level>();
        for (int l = 1; l <= 3; l++) {
            var categories = new ArrayList<Category>();
            for (int c = 1; c <= 3; c++) {
                var items = new ArrayList<Item>();
                for (int i = 1; i <= 10; i++) {
                    String id = "item-" + l + "-" + c + "-" + i;
                    items.add(new Item(id, "Item " + l + "." + c + "." + i, "Practise " + id));
                }
                categories.add(new Category("category-" + l + "-" + c, "Category " + l + "." + c, items));
            }
            levels.add(new Level("level-" + l, "Level " + l, categories));
        }
        return new ChecklistVersionPublished(CHECKLIST, VERSION, ORGANISATION, "Benchmark checklist", levels);
    }

    private static <E extends dev.ticklist.events.TicklistEvent> EventEnvelope<E> envelope(E event) {
        return new EventEnvelope<>(UUID.randomUUID().toString(), SOURCE, Instant.now(), event);
    }

    /** The producer settings the services use (platform defaults), with the batch size asked for. */
    private Map<String, Object> producerConfig() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
    }
}
