package dev.ticklist.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticklist.events.activity.ItemTicked;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A record without an attribute every Ticklist event carries is refused, naming it, never read with a default. */
class MissingCloudEventAttributesTest {

    private static final byte[] DATA =
            EventJson.write(new ItemTicked("org_acme", "coh_1", "ada", "machine-learning", 1, "regression"));

    private final EventEnvelopeDeserializer deserializer = new EventEnvelopeDeserializer();

    @ParameterizedTest
    @ValueSource(strings = {"ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time"})
    void aRecordWithoutARequiredAttributeIsRefusedNamingIt(String attribute) {
        var headers = complete();
        headers.remove(attribute);

        assertThatThrownBy(() -> deserializer.deserialize("t", headers, DATA))
                .isInstanceOf(SerializationException.class)
                .hasMessage("not a CloudEvent Ticklist can read: it lacks the required attribute " + attribute);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time"})
    void anEmptyRequiredAttributeIsRefusedLikeAMissingOne(String attribute) {
        var headers = complete();
        headers.remove(attribute);
        headers.add(attribute, new byte[0]);

        assertThatThrownBy(() -> deserializer.deserialize("t", headers, DATA))
                .isInstanceOf(SerializationException.class)
                .hasMessageEndingWith("lacks the required attribute " + attribute);
    }

    @Test
    void everyMissingAttributeIsNamed() {
        var headers = complete();
        headers.remove("ce_id");
        headers.remove("ce_time");

        assertThatThrownBy(() -> deserializer.deserialize("t", headers, DATA))
                .hasMessage("not a CloudEvent Ticklist can read: it lacks the required attributes ce_id, ce_time");
    }

    /** The fast path leaves a record without a time to the slow one, which refuses it: no time is made up. */
    @Test
    void theDirectReadTakesNoRecordWithoutATime() {
        var headers = complete();
        assertThat(BinaryModeAttributes.read(headers)).isNotNull();

        headers.remove("ce_time");

        assertThat(BinaryModeAttributes.read(headers)).isNull();
    }

    /** What the CloudEvents SDK reads (another spec version, a structured record) is checked the same way. */
    @Test
    void aCloudEventReadByTheSdkWithoutATimeIsRefused() {
        var withoutTime = CloudEventBuilder.v1().withId("e-1").withSource(URI.create("/ticklist/test"))
                .withType("dev.ticklist.item.ticked.v1").withData("application/json", DATA).build();

        assertThatThrownBy(() -> EventEnvelopeDeserializer.toEnvelope(withoutTime))
                .isInstanceOf(SerializationException.class)
                .hasMessage("not a CloudEvent Ticklist can read: it lacks the required attribute time");
    }

    @Test
    void aCompleteRecordIsRead() {
        var envelope = deserializer.deserialize("t", complete(), DATA);

        assertThat(envelope.id()).isEqualTo("e-1");
        assertThat(envelope.time()).hasToString("2026-11-23T10:00:00Z");
    }

    private static RecordHeaders complete() {
        var headers = new RecordHeaders();
        headers.add("ce_specversion", utf8("1.0"));
        headers.add("ce_id", utf8("e-1"));
        headers.add("ce_source", utf8("/ticklist/test"));
        headers.add("ce_type", utf8("dev.ticklist.item.ticked.v1"));
        headers.add("ce_time", utf8("2026-11-23T10:00:00Z"));
        headers.add("content-type", utf8("application/json"));
        return headers;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
