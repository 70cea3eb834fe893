package dev.ticklist.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The topics Docker and Kubernetes create are exactly the event catalog's (dev.ticklist.events.Topics),
 * dead-letter topics included, with its partition counts and with events kept for ever.
 */
class TopicsTest {

    @Test
    void composeCreatesEveryTopicOfTheCatalog() {
        ComposeFile compose = ComposeFile.read(Repository.composeFile());
        Map<String, String> environment = compose.environment("kafka-init");
        String where = compose.source() + " service kafka-init";
        List<String> problems = new ArrayList<>();

        Map<String, Integer> declared = new LinkedHashMap<>();
        for (String entry : String.valueOf(environment.get("TOPICS")).strip().split("\\s+")) {
            String[] parts = entry.split(":");
            if (parts.length != 2 || !parts[1].matches("[0-9]+")) {
                problems.add(where + ": TOPICS entry '" + entry + "' is not name:partitions");
            } else if (declared.put(parts[0], Integer.parseInt(parts[1])) != null) {
                problems.add(where + ": topic " + parts[0] + " is listed twice");
            }
        }
        problems.addAll(TopicCatalog.differences(where + " TOPICS", declared));

        Map<String, String> config = new LinkedHashMap<>();
        for (String setting : String.valueOf(environment.get("TOPIC_CONFIG")).split(",")) {
            int equals = setting.indexOf('=');
            config.put(setting.substring(0, Math.max(equals, 0)).strip(), setting.substring(equals + 1).strip());
        }
        problems.addAll(TopicCatalog.configDifferences(where + " TOPIC_CONFIG", config));
        assertThat(problems).isEmpty();
    }

    @Test
    void everyOverlayDeclaresEveryTopicOfTheCatalog() {
        List<String> problems = new ArrayList<>();
        for (Path overlay : Repository.overlays()) {
            String where = Repository.relative(overlay);
            Map<String, Integer> declared = new LinkedHashMap<>();
            for (ObjectNode topic : Manifests.ofKind(Kustomize.render(overlay), "KafkaTopic")) {
                String name = topic.path("spec").path("topicName").asText(Manifests.name(topic));
                if (!topic.path("spec").path("partitions").canConvertToExactIntegral()) {
                    problems.add(where + ": KafkaTopic " + Manifests.name(topic) + " sets no spec.partitions");
                }
                if (declared.put(name, topic.path("spec").path("partitions").asInt()) != null) {
                    problems.add(where + ": topic " + name + " is declared twice");
                }
                Map<String, String> config = new LinkedHashMap<>();
                topic.path("spec").path("config").properties()
                        .forEach(setting -> config.put(setting.getKey(), setting.getValue().asText()));
                problems.addAll(TopicCatalog.configDifferences(where + " KafkaTopic " + Manifests.name(topic), config));
            }
            problems.addAll(TopicCatalog.differences(where, declared));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theCatalogHoldsEveryTopicAndItsDeadLetterTopic() {
        Map<String, Integer> expected = TopicCatalog.expected();
        assertThat(expected).containsEntry("ticklist.learner-activity", 6).containsEntry("ticklist.learner-activity.dlt", 1);
        assertThat(expected).hasSize(2 * dev.ticklist.events.Topics.ALL.size());
    }

    @Test
    void missingUnknownAndMisSizedTopicsAreReported() {
        Map<String, Integer> declared = new LinkedHashMap<>(TopicCatalog.expected());
        declared.remove("ticklist.catalog.dlt");
        declared.put("ticklist.milestones", 3);
        declared.put("ticklist.unknown", 1);
        assertThat(TopicCatalog.differences("here", declared)).containsExactlyInAnyOrder(
                "here: topic ticklist.catalog.dlt is missing",
                "here: topic ticklist.milestones has 3 partitions, the catalog says 6",
                "here: topic ticklist.unknown is not in the event catalog");
        assertThat(TopicCatalog.configDifferences("here", Map.of("cleanup.policy", "compact", "retention.ms", "-1")))
                .containsExactly("here: cleanup.policy must be delete, is compact", "here: retention.bytes must be -1, is null");
        assertThat(TopicCatalog.configDifferences("here", Map.of("cleanup.policy", "delete", "retention.ms", "-1",
                "retention.bytes", "-1", "min.insync.replicas", "2", "min.insync.replica", "2")))
                .containsExactly("here: min.insync.replica is no Kafka topic setting");
    }
}
