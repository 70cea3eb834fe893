package dev.ticklist.platform.kafka;

import static org.awaitility.Awaitility.await;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.kafka.EventEnvelopeDeserializer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Topics of the follower tests, and the consumer a follower is given. */
final class TestTopics {

    private TestTopics() {
    }

    /**
     * Creates the topics and waits until every partition has a leader: a producer sending before
     * that can stall its idempotent batches for minutes (NOT_LEADER, then out-of-order retries).
     */
    static void create(Admin admin, NewTopic... topics) throws Exception {
        admin.createTopics(List.of(topics)).all().get();
        var names = java.util.Arrays.stream(topics).map(NewTopic::name).toList();
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.describeTopics(names).allTopicNames().get().values()
                .stream().flatMap(description -> description.partitions().stream())
                .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty()));
    }

    static KafkaConsumer<String, EventEnvelope<?>> followerConsumer(String bootstrap) {
        return new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new EventEnvelopeDeserializer());
    }
}
