package dev.ticklist.progress.learner;

import dev.ticklist.events.Topics;
import dev.ticklist.events.activity.ItemActivity;
import dev.ticklist.events.activity.LearnerActivityEvent;
import dev.ticklist.events.cohort.CohortMemberChanged;
import dev.ticklist.events.milestone.ChecklistCompleted;
import dev.ticklist.events.milestone.LevelCompleted;
import dev.ticklist.events.milestone.LevelReopened;
import dev.ticklist.events.milestone.LearnerMilestone;
import dev.ticklist.progress.catalog.ChecklistStructure;
import dev.ticklist.progress.outbox.PendingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The entries the learner scripts write to a learner's outbox: tab-separated fields, cheap to
 * write in Lua for every event, and removed by that exact string once published.
 * <ul>
 * <li>a milestone: {@code kind, cause, organisation, cohort, learner, checklist, version, level,
 * level size, checklist size};</li>
 * <li>a change for the cohort's stream: {@code "cohort", change, sequence, cause, organisation,
 * cohort, learner, checklist, version, time, generation, position, item, ticked items
 * (comma-separated)}.</li>
 * </ul>
 */
final class LearnerOutboxEntries {

    private LearnerOutboxEntries() {
    }

    /** The fields after the kind, for every milestone an event may cause. */
    static String milestoneContext(String causingEventId, ItemActivity event, ChecklistStructure.Level level,
                                   ChecklistStructure structure) {
        return String.join("\t", causingEventId, event.organisationId(), event.cohortId(), event.learnerId(),
                event.checklistId(), Integer.toString(event.checklistVersion()), level.id(),
                Integer.toString(level.itemCount()), Integer.toString(structure.itemCount()));
    }

    /** The fields between the sequence and the item, for the cohort's change an event causes. */
    static String cohortContext(String causingEventId, LearnerActivityEvent event, Instant time, String generation,
                                String position) {
        return String.join("\t", causingEventId, event.organisationId(), event.cohortId(), event.learnerId(),
                event.checklistId(), Integer.toString(event.checklistVersion()), Long.toString(time.toEpochMilli()),
                generation, position);
    }

    /**
     * A learner's changes as the cohort sees them, in order: two per event at most (an implicit
     * join before a tick), so the sequence is twice the event's offset, plus one for the second.
     */
    static long sequence(long offset, int step) {
        return offset * 2 + step;
    }

    static PendingEvent<?> decode(String outbox, String entry) {
        String[] f = entry.split("\t", -1);
        if (f[0].equals("cohort")) {
            var change = new CohortMemberChanged(f[4], f[5], f[6], f[7], Integer.parseInt(f[8]), Long.parseLong(f[2]),
                    f[1], f[12].isEmpty() ? null : f[12],
                    f[13].isEmpty() ? List.of() : Arrays.asList(f[13].split(",")),
                    Instant.ofEpochMilli(Long.parseLong(f[9])), f[10], f[11]);
            return new PendingEvent<>(outbox, entry, Topics.COHORT_PROGRESS, eventId("cohort-" + f[1], f[3]), change);
        }
        String kind = f[0];
        int version = Integer.parseInt(f[6]);
        LearnerMilestone event = switch (kind) {
            case "level-completed" -> new LevelCompleted(f[2], f[3], f[4], f[5], version, f[7], Integer.parseInt(f[8]));
            case "level-reopened" -> new LevelReopened(f[2], f[3], f[4], f[5], version, f[7], Integer.parseInt(f[8]));
            case "checklist-completed" -> new ChecklistCompleted(f[2], f[3], f[4], f[5], version, Integer.parseInt(f[9]));
            default -> throw new IllegalStateException("unknown entry in a learner's outbox: " + kind);
        };
        return new PendingEvent<>(outbox, entry, Topics.MILESTONES, eventId(kind, f[1]), event);
    }

    /** Stable: the same causing event always yields the same id, across replays. */
    static String eventId(String kind, String causingEventId) {
        return UUID.nameUUIDFromBytes((kind + ":" + causingEventId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
