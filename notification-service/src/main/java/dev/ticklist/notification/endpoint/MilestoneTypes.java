package dev.ticklist.notification.endpoint;

import dev.ticklist.events.EventTypes;
import dev.ticklist.events.TicklistEvent;
import dev.ticklist.events.milestone.MilestoneEvent;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The event types an endpoint can subscribe to: every milestone. */
final class MilestoneTypes {

    static final Set<String> ALL = Arrays.stream(MilestoneEvent.class.getPermittedSubclasses())
            .map(type -> EventTypes.typeOf(type.asSubclass(TicklistEvent.class)))
            .collect(Collectors.toCollection(TreeSet::new));

    private MilestoneTypes() {
    }
}
