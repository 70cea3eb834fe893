package dev.ticklist.platform.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The counters an operator alerts on when events go wrong, in every service: events sent to a
 * dead-letter topic, and events that could not be published: not sent, or not acknowledged by
 * the broker in time (the command that wrote them was answered 503). Skipped events are {@code ticklist.follower.events.skipped} (TopicFollower).
 */
final class EventMetrics {

    static final String DEAD_LETTERED = "ticklist.events.dead.lettered";
    static final String PUBLISH_FAILED = "ticklist.events.publish.failed";

    private EventMetrics() {
    }

    /** @param topic the topic the event came from, not its dead-letter topic */
    static Counter deadLettered(MeterRegistry meters, String topic) {
        return Counter.builder(DEAD_LETTERED).description("events sent to their topic's dead-letter topic")
                .tag("topic", topic).register(meters);
    }

    static Counter publishFailed(MeterRegistry meters, String topic) {
        return Counter.builder(PUBLISH_FAILED).description("events not sent, or not acknowledged by the broker in time")
                .tag("topic", topic).register(meters);
    }
}
