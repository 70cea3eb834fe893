package dev.ticklist.notification.endpoint;

import dev.ticklist.events.EventTypes;
import dev.ticklist.events.milestone.MilestoneEvent;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The event types an endpoint can subscribe to: every milestone. */
final class MilestoneTypes {

    static final Set<String> ALL = EventTypes.all().entrySet().stream()
            .filter(type -> MilestoneEvent.class.isAssignableFrom(type.getValue()))
            .map(Map.Entry::getKey)
            .collect(Collectors.toCollection(TreeSet::new));

    private MilestoneTypes() {
    }
}
