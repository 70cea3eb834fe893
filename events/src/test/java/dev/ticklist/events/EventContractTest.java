package dev.ticklist.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.ticklist.events.activity.ItemTicked;
import dev.ticklist.events.kafka.EventEnvelopeDeserializer;
import dev.ticklist.events.kafka.EventEnvelopeSerializer;
import dev.ticklist.events.kafka.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

class EventContractTest {

    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @Test
    void everyEventTypeHasASampleAndASchema() {
        var sampled = SampleEvents.all().stream()
                .map(event -> EventTypes.typeOf(event.getClass()))
                .collect(Collectors.toSet());
        assertThat(sampled).isEqualTo(EventTypes.all().keySet());
        for (String type : sampled) {
            assertThat(getClass().getResource("/schemas/" + type + ".json")).as(type).isNotNull();
        }
    }

    @Test
    void everySampleMatchesItsSchema() throws IOException {
        var jackson2 = new ObjectMapper();
        for (TicklistEvent event : SampleEvents.all()) {
            var errors = schemaOf(event).validate(jackson2.readTree(EventJson.write(event)));
            assertThat(errors).as(EventTypes.typeOf(event.getClass())).isEmpty();
        }
    }

    @Test
    void everySchemaIsClosedToFieldsItDoesNotName() throws Exception {
        var files = Files.list(Path.of(getClass().getResource("/schemas").toURI())).sorted().toList();
        assertThat(files.stream().map(file -> file.getFileName().toString().replaceFirst("\\.json$", "")))
                .as("a schema for each type, and no schema without one")
                .containsExactlyInAnyOrderElementsOf(EventTypes.all().keySet());
        for (Path file : files) {
            assertThat(SchemaAgreement.openObjects(new ObjectMapper().readTree(file.toFile())))
                    .as(file.getFileName() + ": objects open to unknown fields").isEmpty();
        }
    }

    @Test
    void everyRecordHasTheFieldsOfItsSchemaAndNoOthers() throws IOException {
        for (var type : EventTypes.all().entrySet()) {
            assertThat(SchemaAgreement.disagreements(type.getValue(), schemaJson(type.getKey())))
                    .as(type.getKey() + " against " + type.getValue().getName()).isEmpty();
        }
    }

    /** The check above can fail: a record with a field its schema lacks, and the reverse, are named. */
    @Test
    void aRecordAndASchemaThatDifferInAFieldAreToldApart() throws IOException {
        record Note(String text, String author) {
        }
        record Noted(String id, List<Note> notes) {
        }
        var schema = new ObjectMapper().readTree("""
                {"type": "object", "additionalProperties": false, "required": ["id", "notes"],
                 "properties": {"id": {"type": "string"}, "notes": {"type": "array", "items": {
                   "type": "object", "additionalProperties": false, "required": ["text", "language"],
                   "properties": {"text": {"type": "string"}, "language": {"type": "string"}}}}}}
                """);

        assertThat(SchemaAgreement.disagreements(Noted.class, schema)).containsExactlyInAnyOrder(
                "Noted.notes[]: component 'author' of Note is not a property of the schema",
                "Noted.notes[]: property 'language' of the schema is not a component of Note");
        ((com.fasterxml.jackson.databind.node.ObjectNode) schema).put("additionalProperties", true);
        assertThat(SchemaAgreement.disagreements(Noted.class, schema)).contains(
                "Noted: the schema is open to unknown fields (additionalProperties is not false)");
    }

    @Test
    void schemasRejectAnEventWithAFieldTheyDoNotName() throws IOException {
        var jackson2 = new ObjectMapper();
        for (TicklistEvent event : SampleEvents.all()) {
            var json = (com.fasterxml.jackson.databind.node.ObjectNode) jackson2.readTree(EventJson.write(event));
            json.put("addedWithoutANewVersion", "x");
            assertThat(schemaOf(event).validate(json)).as(EventTypes.typeOf(event.getClass())).isNotEmpty();
        }
        var ticked = new ItemTicked("org_acme", "coh_1", "ada", "machine-learning", 1, "regression",
                new dev.ticklist.events.activity.TickEvidence("https://example.org", null));
        var json = jackson2.readTree(EventJson.write(ticked));
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("evidence")).put("grade", "A");
        assertThat(schemaOf(ticked).validate(json)).as("a field added inside the evidence").isNotEmpty();
    }

    @Test
    void everyTypeHasSeveralSamplesWithEachOptionalFieldBothSetAndNull() throws IOException {
        var jackson2 = new ObjectMapper();
        var samplesByType = SampleEvents.all().stream()
                .collect(Collectors.groupingBy(event -> EventTypes.typeOf(event.getClass())));
        var softly = new SoftAssertions();
        for (var samples : samplesByType.entrySet()) {
            softly.assertThat(samples.getValue()).as(samples.getKey() + ": samples").hasSizeGreaterThanOrEqualTo(2);
            var written = new ArrayList<com.fasterxml.jackson.databind.JsonNode>();
            for (TicklistEvent sample : samples.getValue()) {
                written.add(jackson2.readTree(EventJson.write(sample)));
            }
            for (String place : SchemaAgreement.nullablePlaces(schemaJson(samples.getKey()))) {
                var seen = EnumSet.noneOf(SchemaAgreement.Seen.class);
                written.forEach(json -> seen.addAll(SchemaAgreement.seenAt(json, place)));
                softly.assertThat(seen).as(samples.getKey() + ": optional " + place + " seen")
                        .containsExactlyInAnyOrder(SchemaAgreement.Seen.NULL, SchemaAgreement.Seen.SET);
            }
        }
        softly.assertAll();
    }

    @Test
    void schemasRejectEventsMissingARequiredField() throws IOException {
        var ticked = new ItemTicked("org_acme", "coh_1", "ada", "machine-learning", 1, "regression");
        var json = new ObjectMapper().readTree(EventJson.write(ticked));
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).remove("itemId");
        assertThat(schemaOf(ticked).validate(json)).isNotEmpty();
    }

    @Test
    void everyEventRoundTripsAsABinaryModeCloudEvent() {
        var serializer = new EventEnvelopeSerializer();
        serializer.configure(Map.of(), false);
        var deserializer = new EventEnvelopeDeserializer();
        for (TicklistEvent event : SampleEvents.all()) {
            var envelope = new EventEnvelope<>("evt-" + event.hashCode(), "/ticklist/test",
                    Instant.parse("2026-11-23T10:00:00Z"), event);
            var headers = new RecordHeaders();
            byte[] data = serializer.serialize("t", headers, envelope);

            assertThat(new String(headers.lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                    .isEqualTo(envelope.type());
            assertThat(headers.lastHeader("ce_specversion").value()).asString().isEqualTo("1.0");
            assertThat(headers.lastHeader("content-type").value()).asString().isEqualTo("application/json");
            // A superseded version is read as the version its stream holds today.
            var current = new EventEnvelope<>(envelope.id(), envelope.source(), envelope.time(),
                    Superseded.current(event));
            assertThat(deserializer.deserialize("t", headers, data)).isEqualTo(current);
        }
    }

    /**
     * The one mechanism for old versions: every superseded record is named by the current record
     * of its stream, is outside the stream's sealed interface (so no reader has a case for it),
     * and every sample of it is read through the Kafka codec as that current record.
     */
    @Test
    void everySupersededVersionIsReadAsTheCurrentRecordThatNamesIt() {
        var namedBy = new HashMap<Class<?>, Class<?>>();
        for (Class<? extends TicklistEvent> record : EventTypes.all().values()) {
            for (Class<?> old : record.getAnnotation(EventType.class).supersedes()) {
                namedBy.put(old, record);
            }
        }
        var superseded = EventTypes.all().values().stream().filter(Superseded.class::isAssignableFrom).toList();
        assertThat(superseded).isNotEmpty().allSatisfy(old -> {
            assertThat(namedBy).as(old.getName() + " named by a current record").containsKey(old);
            assertThat(Topics.ALL).as(old.getName() + " outside every stream's interface")
                    .noneMatch(topic -> topic.eventType().isAssignableFrom(old));
        });
        assertThat(namedBy.values()).as("only current records name old ones")
                .noneMatch(Superseded.class::isAssignableFrom);

        var serializer = new EventEnvelopeSerializer();
        serializer.configure(Map.of(), false);
        var deserializer = new EventEnvelopeDeserializer();
        var sampled = new HashSet<Class<?>>();
        for (TicklistEvent sample : SampleEvents.all()) {
            if (sample instanceof Superseded<?> old) {
                var headers = new RecordHeaders();
                byte[] data = serializer.serialize("t", headers, new EventEnvelope<>("evt-old", "/ticklist/test",
                        Instant.parse("2026-11-23T10:00:00Z"), old));

                var read = deserializer.deserialize("t", headers, data).event();

                assertThat(read).as(EventTypes.typeOf(old.getClass()) + " as read")
                        .isInstanceOf(namedBy.get(old.getClass())).isEqualTo(Superseded.current(old));
                assertThat(read.key()).as("the same key, so the same order").isEqualTo(old.key());
                sampled.add(old.getClass());
            }
        }
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(superseded);
    }

    @Test
    void aSupersededVersionIsReadUpcastThroughEveryVersionAfterIt() {
        var serializer = new EventEnvelopeSerializer();
        serializer.configure(Map.of(), false);
        var v1 = new dev.ticklist.events.cohort.CohortMembersChangedV1("org_acme", "coh_1", "1", List.of(
                new dev.ticklist.events.cohort.CohortMembersChangedV1.Member("ada", "machine-learning", 1, 87,
                        "member", false, List.of("regression"), List.of("trees"), Map.of("2026-11-23", 1),
                        Instant.parse("2026-11-23T10:15:31Z"), "3-43")));
        var headers = new RecordHeaders();
        byte[] data = serializer.serialize("t", headers, new EventEnvelope<>("evt-1", "/ticklist/test",
                Instant.parse("2026-11-23T10:00:00Z"), v1));

        var read = new EventEnvelopeDeserializer().deserialize("t", headers, data);

        assertThat(read.type()).isEqualTo("dev.ticklist.cohort.members-changed.v3");
        var member = ((dev.ticklist.events.cohort.CohortMembersChanged) read.event()).members().getFirst();
        assertThat(member.ticked()).containsExactly("regression");
        assertThat(member.unticked()).containsExactly("trees");
        assertThat(member.started()).isEmpty();
        assertThat(member.skipped()).isEmpty();
        assertThat(member.levelsFinishedAt()).isEmpty();
    }

    @Test
    void theDirectReadOfBinaryModeAgreesWithTheCloudEventsSdk() {
        var headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", "e-42".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/ticklist/checklist-service".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", "dev.ticklist.item.ticked.v1".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_time", "2026-11-23T11:00:00+01:00".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".getBytes(StandardCharsets.UTF_8));
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        byte[] data = EventJson.write(new ItemTicked("org_acme", "coh_1", "ada", "machine-learning", 1, "regression"));

        var direct = new EventEnvelopeDeserializer().deserialize("t", headers, data);
        // A content type with parameters is left to the SDK.
        headers.remove("content-type");
        headers.add("content-type", "application/json; charset=utf-8".getBytes(StandardCharsets.UTF_8));
        var viaSdk = new EventEnvelopeDeserializer().deserialize("t", headers, data);

        assertThat(direct).isEqualTo(viaSdk);
        assertThat(direct.time()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
    }

    @Test
    void unknownTypesAndBrokenDataAreRefusedWithTheReason() {
        var serializer = new EventEnvelopeSerializer();
        serializer.configure(Map.of(), false);
        var headers = new RecordHeaders();
        var ticked = new ItemTicked("org_acme", "coh_1", "ada", "machine-learning", 1, "regression");
        serializer.serialize("t", headers, new EventEnvelope<>("e1", "/t", Instant.now(), ticked));
        var deserializer = new EventEnvelopeDeserializer();

        assertThatThrownBy(() -> deserializer.deserialize("t", headers, "{not json".getBytes()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("not valid");

        headers.remove("ce_type");
        headers.add("ce_type", "dev.ticklist.item.ticked.v99".getBytes());
        assertThatThrownBy(() -> deserializer.deserialize("t", headers, "{}".getBytes()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unknown event type");

        assertThatThrownBy(() -> deserializer.deserialize("t", new RecordHeaders(), "{}".getBytes()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("not a CloudEvent");
    }

    @Test
    void theTraceContextTravelsInTheW3cTraceparentHeaderAndABrokenOneIsDroppedNotFatal() {
        var serializer = new EventEnvelopeSerializer();
        serializer.configure(Map.of(), false);
        var deserializer = new EventEnvelopeDeserializer();
        var ticked = new ItemTicked("org_acme", "coh_1", "ada", "machine-learning", 1, "regression");
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        var headers = new RecordHeaders();
        var traced = new EventEnvelope<>("e1", "/t", Instant.parse("2026-12-07T08:00:00Z"), ticked, traceparent);

        byte[] data = serializer.serialize("t", headers, traced);

        assertThat(headers.lastHeader("traceparent").value()).asString().isEqualTo(traceparent);
        assertThat(deserializer.deserialize("t", headers, data)).isEqualTo(traced);
        assertThat(TraceParent.isSampled(traceparent)).isTrue();
        assertThat(TraceParent.traceId(traceparent)).isEqualTo("0af7651916cd43dd8448eb211c80319c");

        // Serialising again without a trace leaves no stale header behind.
        serializer.serialize("t", headers, traced.withTraceparent(null));
        assertThat(headers.lastHeader("traceparent")).isNull();

        for (String broken : List.of("01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                "00-00000000000000000000000000000000-b7ad6b7169203331-01", "00-xyz", "",
                "00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01",
                "00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-0g",
                "00-0af7651916cd43dd8448eb211c80319c_b7ad6b7169203331-01",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-")) {
            headers.remove("traceparent");
            headers.add("traceparent", broken.getBytes(StandardCharsets.UTF_8));
            assertThat(deserializer.deserialize("t", headers, data).traceparent()).as(broken).isNull();
        }
        assertThatThrownBy(() -> traced.withTraceparent("00-xyz")).isInstanceOf(IllegalArgumentException.class);
    }

    private com.fasterxml.jackson.databind.JsonNode schemaJson(String type) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/schemas/" + type + ".json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private JsonSchema schemaOf(TicklistEvent event) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(
                "/schemas/" + EventTypes.typeOf(event.getClass()) + ".json")) {
            return schemas.getSchema(in);
        }
    }
}
