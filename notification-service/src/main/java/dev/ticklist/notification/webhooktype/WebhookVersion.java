package dev.ticklist.notification.webhooktype;

import dev.ticklist.events.TicklistEvent;
import dev.ticklist.events.milestone.MilestoneEvent;
import java.util.function.Function;

/**
 * One version a milestone is delivered in, and how a milestone (always read in its current
 * version) is rendered in it.
 *
 * @param renderer the milestone as the record of this version, whose JSON is the body's data
 */
public record WebhookVersion(WebhookType type, Function<MilestoneEvent, ? extends TicklistEvent> renderer) {

    public String name() {
        return type.name();
    }

    /** The milestone's data as this version says it. */
    public TicklistEvent dataOf(MilestoneEvent milestone) {
        return renderer.apply(milestone);
    }
}
