package dev.ticklist.devstack;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ticklist events as they travel on Kafka (CloudEvents 1.0, binary content mode: {@code ce_*}
 * headers, JSON data), written and read without the {@code events} module.
 *
 * <p>devstack's test classpath holds neither {@code events} nor Lettuce (the service jars are
 * listed with every dependency excluded), so this mirrors {@code Topics} and
 * {@code EventEnvelopeSerializer}. Should the wire format drift, progress-service dead-letters
 * these records and the tests using them fail.
 */
final class TicklistWire {

    /** A topic as {@code Topics} declares it. */
    record TopicSpec(String name, int partitions) {
        String deadLetterTopic() {
            return name + ".dlt";
        }
    }

    static final TopicSpec LEARNER_ACTIVITY = new TopicSpec("ticklist.learner-activity", 6);
    static final TopicSpec CATALOG = new TopicSpec("ticklist.catalog", 3);
    static final TopicSpec MILESTONES = new TopicSpec("ticklist.milestones", 6);

    static final String ITEM_TICKED = "dev.ticklist.item.ticked.v1";
    static final String ITEM_UNTICKED = "dev.ticklist.item.unticked.v1";
    static final String VERSION_PUBLISHED = "dev.ticklist.checklist.version-published.v1";
    static final String LEVEL_COMPLETED = "dev.ticklist.level.completed.v1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TicklistWire() {
    }

    /** One level of a checklist version: its id and its categories' item ids. */
    record Level(String id, Map<String, List<String>> itemsByCategory) {
        List<String> items() {
            return itemsByCategory.values().stream().flatMap(List::stream).toList();
        }
    }

    /** {@code ChecklistVersionPublished}, keyed by checklist id. */
    static ProducerRecord<String, byte[]> versionPublished(String eventId, Instant time, String organisationId,
                                                          String checklistId, int version, List<Level> levels) {
        var data = new LinkedHashMap<String, Object>();
        data.put("checklistId", checklistId);
        data.put("version", version);
        data.put("organisationId", organisationId);
        data.put("title", "Exactness " + checklistId);
        data.put("levels", levels.stream().map(level -> Map.of(
                "id", level.id(),
                "name", level.id(),
                "categories", level.itemsByCategory().entrySet().stream().map(category -> Map.of(
                        "id", category.getKey(),
                        "name", category.getKey(),
                        "items", category.getValue().stream()
                                .map(item -> Map.of("id", item, "name", item, "description", ""))
                                .toList())).toList())).toList());
        return record(CATALOG.name(), checklistId, eventId, "/ticklist/checklist-service", VERSION_PUBLISHED,
                "checklists/" + checklistId, time, data);
    }

    /** {@code ItemTicked} or {@code ItemUnticked}, keyed by {@code org/learner}. */
    static ProducerRecord<String, byte[]> itemActivity(String eventId, Instant time, boolean ticked,
                                                      String organisationId, String cohortId, String learnerId,
                                                      String checklistId, int version, String itemId) {
        var data = new LinkedHashMap<String, Object>();
        data.put("organisationId", organisationId);
        data.put("cohortId", cohortId);
        data.put("learnerId", learnerId);
        data.put("checklistId", checklistId);
        data.put("checklistVersion", version);
        data.put("itemId", itemId);
        return record(LEARNER_ACTIVITY.name(), organisationId + "/" + learnerId, eventId,
                "/ticklist/checklist-service", ticked ? ITEM_TICKED : ITEM_UNTICKED,
                "learners/" + learnerId + "/items/" + itemId, time, data);
    }

    static String header(Iterable<Header> headers, String name) {
        for (Header header : headers) {
            if (header.key().equals(name)) {
                return new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    static JsonNode data(byte[] value) {
        return JSON.readTree(value);
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, String id, String source,
                                                        String type, String subject, Instant time,
                                                        Map<String, Object> data) {
        List<Header> headers = List.of(
                header("ce_specversion", "1.0"),
                header("ce_id", id),
                header("ce_source", source),
                header("ce_type", type),
                header("ce_subject", subject),
                header("ce_time", time.toString()),
                header("content-type", "application/json"));
        return new ProducerRecord<>(topic, null, key, JSON.writeValueAsBytes(data), headers);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
