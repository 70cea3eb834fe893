package dev.ticklist.events;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Maps CloudEvents types to event records and back, for every stream in {@link Topics}. */
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
            if (BY_TYPE.put(type.value(), permitted.asSubclass(TicklistEvent.class)) != null) {
                throw new IllegalStateException("two records claim " + type.value());
            }
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
