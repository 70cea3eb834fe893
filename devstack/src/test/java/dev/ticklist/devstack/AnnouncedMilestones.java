package dev.ticklist.devstack;

import static org.awaitility.Awaitility.await;

import dev.ticklist.devstack.ActivityFold.MilestoneKind;
import dev.ticklist.events.EventTypes;
import dev.ticklist.events.Topics;
import dev.ticklist.events.kafka.EventEnvelopeDeserializer;
import dev.ticklist.events.milestone.ChecklistCompleted;
import dev.ticklist.events.milestone.LevelCompleted;
import dev.ticklist.events.milestone.LevelReopened;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The learner milestones of one organisation, as any reader of the milestones topic sees them. */
final class AnnouncedMilestones {

    /** One milestone record: its event id, and what it announces about whom. */
    record Announced(String id, MilestoneKind kind, String learnerId, String levelId) {
        String subject() {
            return ActivityFold.subject(kind, learnerId, levelId);
        }
    }

    private static final Map<String, MilestoneKind> KINDS = Map.of(
            EventTypes.typeOf(LevelCompleted.class), MilestoneKind.LEVEL_COMPLETED,
            EventTypes.typeOf(LevelReopened.class), MilestoneKind.LEVEL_REOPENED,
            EventTypes.typeOf(ChecklistCompleted.class), MilestoneKind.CHECKLIST_COMPLETED);

    private AnnouncedMilestones() {
    }

    /** Every such milestone of the organisation, from the beginning of the topic to its current end. */
    static List<Announced> of(String bootstrapServers, String organisationId) {
        var milestones = new ArrayList<Announced>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = IntStream.range(0, Topics.MILESTONES.partitions())
                    .mapToObj(partition -> new TopicPartition(Topics.MILESTONES.name(), partition)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await("the milestones topic read to its end").atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                    .until(() -> {
                        for (var record : consumer.poll(Duration.ofMillis(200))) {
                            read(record, organisationId, milestones);
                        }
                        return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
                    });
        }
        return milestones;
    }

    /** Reads only the types this test knows: the topic may carry others (cohort milestones). */
    private static void read(ConsumerRecord<byte[], byte[]> record, String organisationId, List<Announced> into) {
        Header type = record.headers().lastHeader("ce_type");
        MilestoneKind kind = type == null ? null : KINDS.get(new String(type.value(), StandardCharsets.UTF_8));
        if (kind == null) {
            return;
        }
        var envelope = new EventEnvelopeDeserializer().deserialize(record.topic(), record.headers(), record.value());
        Announced announced = switch (envelope.event()) {
            case LevelCompleted completed when completed.organisationId().equals(organisationId) ->
                    new Announced(envelope.id(), kind, completed.learnerId(), completed.levelId());
            case LevelReopened reopened when reopened.organisationId().equals(organisationId) ->
                    new Announced(envelope.id(), kind, reopened.learnerId(), reopened.levelId());
            case ChecklistCompleted completed when completed.organisationId().equals(organisationId) ->
                    new Announced(envelope.id(), kind, completed.learnerId(), null);
            default -> null;
        };
        if (announced != null) {
            into.add(announced);
        }
    }
}
