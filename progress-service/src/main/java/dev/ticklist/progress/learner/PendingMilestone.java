package dev.ticklist.progress.learner;

import dev.ticklist.events.EventTypes;
import dev.ticklist.events.kafka.EventJson;
import dev.ticklist.events.milestone.MilestoneEvent;
import java.nio.charset.StandardCharsets;

/** A milestone recorded in a learner's outbox and not yet acknowledged by the broker. */
public record PendingMilestone(String eventId, MilestoneEvent event) {

    /** {@code id \n type \n json}: the exact string the outbox holds, so it can be removed by value. */
    String encode() {
        return eventId + "\n" + EventTypes.typeOf(event.getClass()) + "\n"
                + new String(EventJson.write(event), StandardCharsets.UTF_8);
    }

    static PendingMilestone decode(String entry) {
        String[] parts = entry.split("\n", 3);
        var type = EventTypes.classOf(parts[1])
                .orElseThrow(() -> new IllegalStateException("unknown milestone type in outbox: " + parts[1]));
        var event = EventJson.read(parts[2].getBytes(StandardCharsets.UTF_8), type);
        return new PendingMilestone(parts[0], (MilestoneEvent) event);
    }
}
