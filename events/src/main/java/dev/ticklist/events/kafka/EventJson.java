package dev.ticklist.events.kafka;

import dev.ticklist.events.TicklistEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** The JSON form of event data: the same mapper on every side of every topic. */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
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
}
