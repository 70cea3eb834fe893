package dev.ticklist.benchmarks;

import dev.ticklist.events.Topic;
import dev.ticklist.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates every topic and its dead-letter topic with the settings the services use
 * (platform's KafkaEventsConfiguration), before anything writes: the broker does not
 * auto-create topics, and the service creating the same ones at startup then changes nothing.
 */
final class TopicSetup {

    private static final Map<String, String> EVENT_TOPIC_CONFIG = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.RETENTION_BYTES_CONFIG, "-1");

    private TopicSetup() {
    }

    static void createAll(Admin admin) throws ExecutionException, InterruptedException {
        var topics = new ArrayList<NewTopic>();
        for (Topic<?> topic : Topics.ALL) {
            topics.add(eventTopic(topic.name(), topic.partitions()));
            topics.add(eventTopic(topic.deadLetterTopic(), 1));
        }
        admin.createTopics(topics).all().get();
        awaitLeaders(admin, topics.stream().map(NewTopic::name).toList());
    }

    /** One more topic configured as the event topics are, that no service reads. */
    static void createScratch(Admin admin, String name, int partitions) throws ExecutionException, InterruptedException {
        admin.createTopics(List.of(eventTopic(name, partitions))).all().get();
        awaitLeaders(admin, List.of(name));
    }

    /** A topic just created has no leader for a moment; producing then only measures retries. */
    private static void awaitLeaders(Admin admin, List<String> names) throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            boolean ready;
            try {
                ready = admin.describeTopics(names).allTopicNames().get().values().stream()
                        .flatMap(description -> description.partitions().stream())
                        .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                ready = false; // not in the broker's metadata yet
            }
            if (ready) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics have no leader after 30 s");
            }
            Thread.sleep(100);
        }
    }

    private static NewTopic eventTopic(String name, int partitions) {
        return new NewTopic(name, partitions, (short) 1).configs(EVENT_TOPIC_CONFIG);
    }
}
