package dev.ticklist.events.kafka;

import dev.ticklist.events.TicklistEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** The JSON form of event data: the same mapper on every side of every topic. */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .addModule(new SimpleModule("ticklist-instants").addDeserializer(Instant.class, new Instants()))
            .build();

    /** A reader per type, made once: finding the deserializer on every read showed in profiles. */
    private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return MAPPER.readerFor(type);
        }
    };

    private EventJson() {
    }

    public static byte[] write(TicklistEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    public static <E extends TicklistEvent> E read(byte[] json, Class<E> type) {
        return READERS.get(type).readValue(json);
    }

    /** Instants as events write them, read by {@link IsoInstants}; anything else as Jackson reads it. */
    private static final class Instants extends StdDeserializer<Instant> {

        Instants() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                try {
                    return IsoInstants.parse(parser.getString());
                } catch (DateTimeParseException notIso) {
                    // Jackson's own reading says what is wrong (or reads a form Instant.parse does not).
                }
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}
