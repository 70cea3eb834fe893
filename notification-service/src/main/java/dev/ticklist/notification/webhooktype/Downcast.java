package dev.ticklist.notification.webhooktype;

import dev.ticklist.events.TicklistEvent;
import dev.ticklist.events.milestone.MilestoneEvent;
import java.util.function.Function;

/**
 * How a superseded version of a milestone is made from its current record, for the receivers
 * that subscribed to that version.
 *
 * @param <C> the current record
 */
public record Downcast<C extends MilestoneEvent>(Class<C> current, Class<? extends TicklistEvent> superseded,
                                                  Function<C, ? extends TicklistEvent> of) {

    public static <C extends MilestoneEvent, O extends TicklistEvent> Downcast<C> of(Class<C> current,
                                                                                     Class<O> superseded,
                                                                                     Function<C, O> of) {
        return new Downcast<>(current, superseded, of);
    }

    TicklistEvent apply(MilestoneEvent milestone) {
        return of.apply(current.cast(milestone));
    }
}
