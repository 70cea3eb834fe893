package dev.ticklist.progress.model;

import dev.ticklist.events.milestone.MilestoneEvent;

/** A milestone the model decided on, with its id: stable, derived from what caused it, so a replay reuses it. */
public record CausedMilestone(String id, MilestoneEvent event) {

    static String idOf(String kind, String cause) {
        return StableIds.of(kind, cause);
    }
}
