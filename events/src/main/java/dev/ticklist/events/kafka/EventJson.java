package dev.ticklist.events.kafka;

import dev.ticklist.events.TicklistEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON form of event data: the same mapper on every side of every topic. */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .build();

    private EventJson() {
    }

    public static byte[] write(TicklistEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    public static <E extends TicklistEvent> E read(byte[] json, Class<E> type) {
        return MAPPER.readValue(json, type);
    }
}
