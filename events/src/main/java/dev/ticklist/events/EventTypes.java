package dev.ticklist.events;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps CloudEvents types to event records and back, for every stream in {@link Topics}: the
 * records of each stream's sealed interface and the {@link Superseded} versions they replaced.
 */
public final class EventTypes {

    private static final Map<String, Class<? extends TicklistEvent>> BY_TYPE = new HashMap<>();

    static {
        for (Topic<?> topic : Topics.ALL) {
            register(topic.eventType());
        }
    }

    /** Every record under a sealed interface, through sealed sub-interfaces too. */
    private static void register(Class<?> sealed) {
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            if (permitted.isInterface()) {
                register(permitted);
                continue;
            }
            var type = permitted.getAnnotation(EventType.class);
            if (type == null) {
                throw new IllegalStateException(permitted + " has no @EventType");
            }
            put(type.value(), permitted.asSubclass(TicklistEvent.class));
            for (Class<? extends Superseded<?>> old : type.supersedes()) {
                put(typeOf(old), old);
            }
        }
    }

    private static void put(String type, Class<? extends TicklistEvent> record) {
        if (BY_TYPE.put(type, record) != null) {
            throw new IllegalStateException("two records claim " + type);
        }
    }

    private EventTypes() {
    }

    public static Optional<Class<? extends TicklistEvent>> classOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static String typeOf(Class<? extends TicklistEvent> eventClass) {
        var type = eventClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(eventClass + " has no @EventType");
        }
        return type.value();
    }

    public static Map<String, Class<? extends TicklistEvent>> all() {
        return Map.copyOf(BY_TYPE);
    }
}
