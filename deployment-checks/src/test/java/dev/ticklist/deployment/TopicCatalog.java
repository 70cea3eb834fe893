package dev.ticklist.deployment;

import dev.ticklist.events.Topic;
import dev.ticklist.events.Topics;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.config.TopicConfig;

/** The topics Ticklist needs, from the event catalog, and how a deployment's topics differ from them. */
final class TopicCatalog {

    /** Every topic holds events, the system of record: never compacted, never expired (docs/events.md). */
    static final Map<String, String> REQUIRED_CONFIG =
            Map.of("cleanup.policy", "delete", "retention.ms", "-1", "retention.bytes", "-1");

    /** Every topic-level setting Kafka knows: the {@code *_CONFIG} names of kafka-clients' TopicConfig. */
    private static final Set<String> TOPIC_SETTINGS = topicSettings();

    private TopicCatalog() {
    }

    /** Topic name to partition count: every event topic and its dead-letter topic (one partition). */
    static Map<String, Integer> expected() {
        Map<String, Integer> topics = new TreeMap<>();
        for (Topic<?> topic : Topics.ALL) {
            topics.put(topic.name(), topic.partitions());
            topics.put(topic.deadLetterTopic(), 1);
        }
        return topics;
    }

    /** What a deployment gets wrong: missing topics, unknown ones, wrong partition counts. */
    static List<String> differences(String where, Map<String, Integer> declared) {
        Map<String, Integer> expected = expected();
        List<String> differences = new ArrayList<>();
        expected.forEach((name, partitions) -> {
            Integer actual = declared.get(name);
            if (actual == null) {
                differences.add(where + ": topic " + name + " is missing");
            } else if (actual.intValue() != partitions) {
                differences.add(where + ": topic " + name + " has " + actual + " partitions, the catalog says " + partitions);
            }
        });
        declared.keySet().stream()
                .filter(name -> !expected.containsKey(name))
                .forEach(name -> differences.add(where + ": topic " + name + " is not in the event catalog"));
        return differences;
    }

    private static Set<String> topicSettings() {
        Set<String> settings = new TreeSet<>();
        for (Field field : TopicConfig.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getName().endsWith("_CONFIG")
                    && field.getType() == String.class) {
                try {
                    settings.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return settings;
    }

    /**
     * The required settings a topic's configuration lacks or sets otherwise, and any key that is no
     * topic setting of Kafka (the broker would refuse the topic, or a misspelt key would be lost).
     */
    static List<String> configDifferences(String where, Map<String, String> config) {
        List<String> differences = new ArrayList<>();
        config.keySet().stream()
                .filter(key -> !TOPIC_SETTINGS.contains(key))
                .sorted()
                .forEach(key -> differences.add(where + ": " + key + " is no Kafka topic setting"));
        new TreeMap<>(REQUIRED_CONFIG).forEach((key, value) -> {
            if (!value.equals(config.get(key))) {
                differences.add(where + ": " + key + " must be " + value + ", is " + config.get(key));
            }
        });
        return differences;
    }
}
