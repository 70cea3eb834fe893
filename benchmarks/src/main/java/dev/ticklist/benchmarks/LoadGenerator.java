package dev.ticklist.benchmarks;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.Topics;
import dev.ticklist.events.activity.ItemActivity;
import dev.ticklist.events.activity.ItemTicked;
import dev.ticklist.events.activity.ItemUnticked;
import dev.ticklist.events.catalog.ChecklistVersionPublished;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Category;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Item;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Level;
import dev.ticklist.events.kafka.EventEnvelopeSerializer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes what checklist-service would have: one checklist version (3 levels x 3 categories
 * x 10 items) to the catalog, then ticks of its items spread over the learners by a
 * {@link TickDistribution}. Each learner ticks its items in order, so with 90 or more ticks per
 * learner that learner finishes every level, and the service publishes those milestones too, as
 * it would live (a repeated tick changes nothing).
 *
 * <p>The live phases draw further events from the same generator, so each learner goes on with
 * its next item, but toggle it: an item the learner has ticked is unticked ({@link ItemUnticked}),
 * any other is ticked. Which items each learner has ticked is kept as the load is generated, so
 * every live event changes something: after a rebuild in which a learner ticked all 90 items,
 * its live events untick them one by one, the next 90 tick them again, and so on.
 */
final class LoadGenerator {

    static final String ORGANISATION = "org-bench";
    static final String CHECKLIST = "bench-checklist";
    static final int VERSION = 1;
    private static final String SOURCE = "/ticklist/checklist-service";

    private final String bootstrapServers;
    private final TickDistribution distribution;
    private final String catalogTopic;
    private final String activityTopic;
    private final List<String> itemIds;
    /** Bit {@code learner * 90 + item}: whether the learner's item is ticked after the events generated so far. */
    private final BitSet ticked = new BitSet();

    LoadGenerator(String bootstrapServers, TickDistribution distribution) {
        this(bootstrapServers, distribution, Topics.CATALOG.name(), Topics.LEARNER_ACTIVITY.name());
    }

    /** Publishing everything to one topic no service reads: a reference of the producer's rate beside a live stack. */
    static LoadGenerator toTopic(String bootstrapServers, TickDistribution distribution, String topic) {
        return new LoadGenerator(bootstrapServers, distribution, topic, topic);
    }

    private LoadGenerator(String bootstrapServers, TickDistribution distribution, String catalogTopic,
                          String activityTopic) {
        this.bootstrapServers = bootstrapServers;
        this.distribution = distribution;
        this.catalogTopic = catalogTopic;
        this.activityTopic = activityTopic;
        this.itemIds = checklist().levels().stream()
                .flatMap(level -> level.categories().stream())
                .flatMap(category -> category.items().stream())
                .map(Item::id)
                .toList();
    }

    /** Publishes the checklist, then the ticks; the rate covers the ticks, from first send to last ack. */
    Rate publish(int events) {
        try (var producer = producer()) {
            var catalog = envelope(checklist());
            producer.send(new ProducerRecord<>(catalogTopic, catalog.event().key(), catalog));
            producer.flush();

            var acks = new Acknowledgements();
            long start = System.nanoTime();
            for (int n = 0; n < events; n++) {
                producer.send(nextTick(), acks);
            }
            producer.flush();
            var rate = Rate.since(events, start);
            acks.requireAll(events);
            return rate;
        }
    }

    /** A producer with the settings the services use (platform defaults). */
    KafkaProducer<String, EventEnvelope<?>> producer() {
        return new KafkaProducer<>(producerConfig(), new StringSerializer(), new EventEnvelopeSerializer());
    }

    /** The rebuild's load: the distribution's next learner ticks its next item (perhaps again). */
    ProducerRecord<String, EventEnvelope<?>> nextTick() {
        var next = distribution.next();
        int item = next.ofLearner() % itemIds.size();
        ticked.set(bit(next.learner(), item));
        return record(activity(next.learner(), item, true));
    }

    /**
     * A live event: the distribution's next learner toggles its next item, unticking it if
     * ticked, else ticking it. Its time is now, so its age is then the time to its application.
     */
    ProducerRecord<String, EventEnvelope<?>> nextToggle() {
        var next = distribution.next();
        int item = next.ofLearner() % itemIds.size();
        int bit = bit(next.learner(), item);
        boolean tick = !ticked.get(bit);
        ticked.flip(bit);
        return record(activity(next.learner(), item, tick));
    }

    String distribution() {
        return distribution.describe();
    }

    private int bit(int learner, int item) {
        return Math.addExact(Math.multiplyExact(learner, itemIds.size()), item);
    }

    /** Learner l is in cohort l mod 20; item is the index in checklist order. */
    private ItemActivity activity(int learner, int item, boolean tick) {
        String cohort = "cohort-" + (learner % 20);
        String learnerId = "learner-" + learner;
        String itemId = itemIds.get(item);
        return tick ? new ItemTicked(ORGANISATION, cohort, learnerId, CHECKLIST, VERSION, itemId)
                : new ItemUnticked(ORGANISATION, cohort, learnerId, CHECKLIST, VERSION, itemId);
    }

    private ProducerRecord<String, EventEnvelope<?>> record(ItemActivity activity) {
        var envelope = envelope(activity);
        return new ProducerRecord<>(activityTopic, envelope.event().key(), envelope);
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
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "snappy",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
    }
}
