package dev.ticklist.progress.model;

import static dev.ticklist.events.cohort.CohortMemberChanged.JOINED;
import static dev.ticklist.events.cohort.CohortMemberChanged.LEFT;
import static dev.ticklist.events.cohort.CohortMemberChanged.MOVED;
import static dev.ticklist.events.cohort.CohortMemberChanged.TICKED;
import static dev.ticklist.events.cohort.CohortMemberChanged.UNTICKED;

import dev.ticklist.events.activity.ItemActivity;
import dev.ticklist.events.activity.ItemEvidenceAttached;
import dev.ticklist.events.activity.ItemTicked;
import dev.ticklist.events.activity.LearnerActivityEvent;
import dev.ticklist.events.activity.LearnerChecklistAssigned;
import dev.ticklist.events.activity.LearnerJoinedCohort;
import dev.ticklist.events.activity.LearnerLeftCohort;
import dev.ticklist.events.milestone.ChecklistCompleted;
import dev.ticklist.events.milestone.LevelCompleted;
import dev.ticklist.events.milestone.LevelReopened;
import dev.ticklist.progress.catalog.ChecklistStructure;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rules of a learner's progress, as one pure function: {@code (state, event) -> (state,
 * caused)}. No Spring, Kafka or Redis: the listener loads state, folds a batch through this,
 * and stores what changed. The rules:
 * <ul>
 * <li>Progress is the learner's, per checklist version; a cohort shows the progress of the
 * version its member is on. A learner in two cohorts on one version counts in both.</li>
 * <li>An event at or below the learner's applied offset changes nothing (redelivery).</li>
 * <li>Activity in a cohort the learner left is not counted. Activity in a cohort the stream has
 * not shown them join makes them join it, on the event's version (streams older than
 * membership events); activity on another version than theirs in that cohort counts for that
 * version's progress and moves nobody.</li>
 * <li>Ticking a ticked item, or unticking an unticked one, changes nothing.</li>
 * <li>A level is finished when all its items are ticked (at the time of the last tick); an
 * untick reopens it. A checklist is finished when every level with items is.</li>
 * <li>Moving to another version carries ticks over to the items that exist there, with their
 * times and evidence; levels it finishes or reopens say so, as ticks would.</li>
 * <li>Evidence (a link, a note) belongs to a tick: it is kept for a ticked item, replaced by
 * newer evidence, taken away by evidence with neither, dropped by an untick, and changes
 * nothing for an item not ticked. It never changes progress or causes a milestone.</li>
 * </ul>
 */
public final class LearnerModel {

    private LearnerModel() {
    }

    public static LearnerEffects apply(LearnerState state, LearnerActivity activity, ChecklistVersions versions) {
        var effects = LearnerEffects.none();
        if (activity.offset() <= state.applied()) {
            return effects;
        }
        state.applied(activity.offset());
        LearnerActivityEvent event = activity.event();
        switch (event) {
            case ItemActivity item -> itemActivity(state, activity, item,
                    versions.of(item.checklistId(), item.checklistVersion()), effects);
            case LearnerJoinedCohort joined -> {
                String version = ChecklistVersions.key(joined.checklistId(), joined.checklistVersion());
                state.join(joined.cohortId(), version);
                effects.changes().add(standing(state, activity, joined.cohortId(), JOINED, version,
                        versions.of(joined.checklistId(), joined.checklistVersion()), 1));
            }
            case LearnerLeftCohort left -> {
                state.leave(left.cohortId());
                effects.changes().add(change(activity, left.cohortId(), LEFT, left.checklistId(),
                        left.checklistVersion(), null, null, Map.of()));
            }
            case ItemEvidenceAttached attached -> attachEvidence(state, attached,
                    versions.of(attached.checklistId(), attached.checklistVersion()));
            case LearnerChecklistAssigned moved -> move(state, activity, moved,
                    versions.of(moved.previousChecklistId(), moved.previousChecklistVersion()),
                    versions.of(moved.checklistId(), moved.checklistVersion()), effects);
        }
        return effects;
    }

    private static void itemActivity(LearnerState state, LearnerActivity activity, ItemActivity event,
                                     ChecklistStructure structure, LearnerEffects effects) {
        String cohort = event.cohortId();
        if (state.left().contains(cohort)) {
            return;
        }
        String version = ChecklistVersions.key(event.checklistId(), event.checklistVersion());
        if (!state.memberships().containsKey(cohort)) {
            state.join(cohort, version);
            effects.changes().add(standing(state, activity, cohort, JOINED, version, structure, 0));
        }
        var level = structure.levelOf(event.itemId()).orElseThrow(() -> new IllegalArgumentException(
                "item " + event.itemId() + " is not in " + version));
        var progress = state.version(version, structure);
        long time = activity.time().toEpochMilli();
        boolean tick = event instanceof ItemTicked;
        if (tick == progress.isTicked(event.itemId())) {
            return;
        }
        int ticked = progress.tickedIn(level.id()) + (tick ? 1 : -1);
        progress.setTickedIn(level.id(), ticked);
        state.record(String.join("\t", Long.toString(time), tick ? "ticked" : "unticked", version, event.itemId()));
        if (tick) {
            progress.tick(event.itemId(), time);
            state.countTick(activity.time().atZone(ZoneOffset.UTC).toLocalDate().toEpochDay());
        } else {
            progress.untick(event.itemId());
        }
        if (tick && ticked >= level.itemCount() && progress.finishedAt(level.id()) == null) {
            progress.setFinishedAt(level.id(), time);
            effects.milestones().add(new CausedMilestone(CausedMilestone.idOf("level-completed", activity.eventId()),
                    new LevelCompleted(event.organisationId(), cohort, event.learnerId(), event.checklistId(),
                            event.checklistVersion(), level.id(), level.itemCount())));
            if (allFinished(progress, structure) && progress.checklistFinishedAt() == null) {
                progress.setChecklistFinishedAt(time);
                effects.milestones().add(new CausedMilestone(
                        CausedMilestone.idOf("checklist-completed", activity.eventId()),
                        new ChecklistCompleted(event.organisationId(), cohort, event.learnerId(), event.checklistId(),
                                event.checklistVersion(), structure.itemCount())));
            }
        } else if (!tick && progress.finishedAt(level.id()) != null) {
            progress.setFinishedAt(level.id(), null);
            progress.setChecklistFinishedAt(null);
            effects.milestones().add(new CausedMilestone(CausedMilestone.idOf("level-reopened", activity.eventId()),
                    new LevelReopened(event.organisationId(), cohort, event.learnerId(), event.checklistId(),
                            event.checklistVersion(), level.id(), level.itemCount())));
        }
        Long finishedAt = progress.finishedAt(level.id());
        var levelFinished = finishedAt == null ? Map.<String, Instant>of()
                : Map.of(level.id(), Instant.ofEpochMilli(finishedAt));
        state.memberships().forEach((member, on) -> {
            if (on.equals(version)) {
                effects.changes().add(change(activity, member, tick ? TICKED : UNTICKED, event.checklistId(),
                        event.checklistVersion(), event.itemId(), level.id(), levelFinished));
            }
        });
    }

    private static void attachEvidence(LearnerState state, ItemEvidenceAttached event, ChecklistStructure structure) {
        if (state.left().contains(event.cohortId())) {
            return;
        }
        String version = ChecklistVersions.key(event.checklistId(), event.checklistVersion());
        if (!state.hasVersion(version)) {
            return; // nothing ticked there yet
        }
        var progress = state.version(version, structure);
        if (progress.isTicked(event.itemId())) {
            progress.attachEvidence(event.itemId(), Evidence.of(event.url(), event.note()));
        }
    }

    private static void move(LearnerState state, LearnerActivity activity, LearnerChecklistAssigned event,
                             ChecklistStructure source, ChecklistStructure target, LearnerEffects effects) {
        String cohort = event.cohortId();
        if (state.left().contains(cohort)) {
            return;
        }
        String from = ChecklistVersions.key(event.previousChecklistId(), event.previousChecklistVersion());
        String to = ChecklistVersions.key(event.checklistId(), event.checklistVersion());
        var before = state.version(from, source);
        var finishedBefore = new HashSet<String>();
        source.levels().keySet().stream().filter(level -> before.finishedAt(level) != null).forEach(finishedBefore::add);
        boolean checklistFinishedBefore = before.checklistFinishedAt() != null;
        state.join(cohort, to);
        var after = state.version(to, target);
        for (Map.Entry<String, ChecklistStructure.Placement> place : target.placeOfItem().entrySet()) {
            Long carried = before.tickedAt(place.getKey());
            if (carried != null && !carried.equals(after.tickedAt(place.getKey()))) {
                after.tick(place.getKey(), carried);
            }
            if (carried != null && before.evidence(place.getKey()) != null) {
                after.attachEvidence(place.getKey(), before.evidence(place.getKey()));
            }
        }
        long latestFinished = 0;
        boolean all = true;
        for (var level : target.levelsInOrder()) {
            int ticked = 0;
            long latest = 0;
            for (var category : level.categories()) {
                for (var item : category.items()) {
                    Long time = after.tickedAt(item.id());
                    if (time != null) {
                        ticked++;
                        latest = Math.max(latest, time);
                    }
                }
            }
            after.setTickedIn(level.id(), ticked);
            boolean finished = level.itemCount() > 0 && ticked >= level.itemCount();
            if (finished) {
                if (after.finishedAt(level.id()) == null) {
                    after.setFinishedAt(level.id(), latest);
                }
                latestFinished = Math.max(latestFinished, latest);
                if (!finishedBefore.contains(level.id())) {
                    effects.milestones().add(new CausedMilestone(
                            CausedMilestone.idOf("level-completed:" + level.id(), activity.eventId()),
                            new LevelCompleted(event.organisationId(), cohort, event.learnerId(), event.checklistId(),
                                    event.checklistVersion(), level.id(), level.itemCount())));
                }
            } else {
                after.setFinishedAt(level.id(), null);
                if (level.itemCount() > 0) {
                    all = false;
                }
                if (finishedBefore.contains(level.id())) {
                    effects.milestones().add(new CausedMilestone(
                            CausedMilestone.idOf("level-reopened:" + level.id(), activity.eventId()),
                            new LevelReopened(event.organisationId(), cohort, event.learnerId(), event.checklistId(),
                                    event.checklistVersion(), level.id(), level.itemCount())));
                }
            }
        }
        if (all && latestFinished > 0) {
            if (after.checklistFinishedAt() == null) {
                after.setChecklistFinishedAt(latestFinished);
            }
            if (!checklistFinishedBefore) {
                effects.milestones().add(new CausedMilestone(
                        CausedMilestone.idOf("checklist-completed", activity.eventId()),
                        new ChecklistCompleted(event.organisationId(), cohort, event.learnerId(), event.checklistId(),
                                event.checklistVersion(), target.itemCount())));
            }
        } else {
            after.setChecklistFinishedAt(null);
        }
        effects.changes().add(standing(state, activity, cohort, MOVED, to, target, 1));
        // Ticks carried into the version show in every other cohort the learner is in on it.
        state.memberships().forEach((other, on) -> {
            if (!other.equals(cohort) && on.equals(to)) {
                effects.changes().add(standing(state, activity, other, JOINED, to, target, 1));
            }
        });
    }

    private static boolean allFinished(VersionProgress progress, ChecklistStructure structure) {
        return structure.levelsWithItems().stream().allMatch(level -> progress.finishedAt(level) != null);
    }

    /** @param step 0 for a join an event implies before its own change, else 1 */
    private static MemberChange standing(LearnerState state, LearnerActivity activity, String cohort, String kind,
                                         String version, ChecklistStructure structure, int step) {
        var progress = state.version(version, structure);
        var finished = new TreeMap<String, Instant>();
        for (var level : structure.levelsInOrder()) {
            Long at = progress.finishedAt(level.id());
            if (at != null) {
                finished.put(level.id(), Instant.ofEpochMilli(at));
            }
        }
        return new MemberChange(cohort, kind, structure.checklistId(), structure.version(),
                null, Set.copyOf(progress.tickedItems()), null, finished, activity.offset() * 2 + step,
                activity.time(), activity.position());
    }

    private static MemberChange change(LearnerActivity activity, String cohort, String kind, String checklistId,
                                       int checklistVersion, String itemId, String level,
                                       Map<String, Instant> levelsFinishedAt) {
        return new MemberChange(cohort, kind, checklistId, checklistVersion, itemId, null, level, levelsFinishedAt,
                activity.offset() * 2 + 1, activity.time(), activity.position());
    }
}
