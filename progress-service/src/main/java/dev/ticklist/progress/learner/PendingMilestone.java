package dev.ticklist.progress.learner;

import dev.ticklist.events.activity.ItemActivity;
import dev.ticklist.events.milestone.ChecklistCompleted;
import dev.ticklist.events.milestone.LevelCompleted;
import dev.ticklist.events.milestone.LevelReopened;
import dev.ticklist.events.milestone.MilestoneEvent;
import dev.ticklist.progress.catalog.ChecklistStructure;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A milestone recorded in a learner's outbox and not yet acknowledged by the broker. The outbox
 * holds it as tab-separated fields ({@code kind, cause, organisation, cohort, learner, checklist,
 * version, level, level size, checklist size}): cheap to write for every event that might cause
 * one, and removed by that exact string once published.
 *
 * @param entry the string in the outbox
 */
public record PendingMilestone(String eventId, MilestoneEvent event, String entry) {

    /** The fields after the kind, for every milestone an event may cause. */
    static String context(String causingEventId, ItemActivity event, ChecklistStructure.Level level,
                          ChecklistStructure structure) {
        return String.join("\t", causingEventId, event.organisationId(), event.cohortId(), event.learnerId(),
                event.checklistId(), Integer.toString(event.checklistVersion()), level.id(),
                Integer.toString(level.itemCount()), Integer.toString(structure.itemCount()));
    }

    static PendingMilestone decode(String entry) {
        String[] f = entry.split("\t", -1);
        String kind = f[0];
        int version = Integer.parseInt(f[6]);
        MilestoneEvent event = switch (kind) {
            case "level-completed" -> new LevelCompleted(f[2], f[3], f[4], f[5], version, f[7], Integer.parseInt(f[8]));
            case "level-reopened" -> new LevelReopened(f[2], f[3], f[4], f[5], version, f[7], Integer.parseInt(f[8]));
            case "checklist-completed" -> new ChecklistCompleted(f[2], f[3], f[4], f[5], version, Integer.parseInt(f[9]));
            default -> throw new IllegalStateException("unknown milestone kind in outbox: " + kind);
        };
        return new PendingMilestone(milestoneId(kind, f[1]), event, entry);
    }

    /** Stable: the same causing event always yields the same milestone id, across replays. */
    static String milestoneId(String kind, String causingEventId) {
        return UUID.nameUUIDFromBytes((kind + ":" + causingEventId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
