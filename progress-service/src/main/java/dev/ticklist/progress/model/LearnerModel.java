package dev.ticklist.progress.model;

import static dev.ticklist.progress.model.MemberChange.JOINED;
import static dev.ticklist.progress.model.MemberChange.LEFT;
import static dev.ticklist.progress.model.MemberChange.MOVED;

import dev.ticklist.events.activity.ItemActivity;
import dev.ticklist.events.activity.ItemEvidenceAttached;
import dev.ticklist.events.activity.ItemSkipped;
import dev.ticklist.events.activity.ItemStarted;
import dev.ticklist.events.activity.ItemTicked;
import dev.ticklist.events.activity.ItemUnticked;
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
import java.util.ArrayList;
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
 * <li>An item is in one state: not started, in progress, done (ticked) or skipped (with an
 * optional reason). A tick makes it done, a start in progress, a skip skipped, an untick not
 * started — whatever it was before. An event that leaves the state as it was changes nothing
 * (a skip with another reason changes only the reason).</li>
 * <li>A skipped item leaves its level's count of items to do and never counts as done. A level
 * is finished when every item is done or skipped and at least one is done (at the time of the
 * event that made it so); an event that undoes that reopens it. A level whose every item is
 * skipped is neither finished nor waited for: a checklist is finished when every level with
 * items left to do is, and there is at least one.</li>
 * <li>Moving to another version carries each item's state over to the items that exist there,
 * with tick times and evidence; levels it finishes or reopens say so, as ticks would.</li>
 * <li>Evidence (a link, a note) belongs to a tick: given with the tick or after it, it is kept
 * for a done item, replaced by newer evidence, taken away by evidence with neither, dropped when
 * the item stops being done, and changes nothing for an item not done. It never changes
 * progress or causes a milestone; a level's milestone carries the evidence and the skipped
 * items (with reasons) of the level.</li>
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
        String item = event.itemId();
        ItemState before = progress.state(item);
        ItemState after = switch (event) {
            case ItemTicked ticked -> ItemState.DONE;
            case ItemStarted started -> ItemState.IN_PROGRESS;
            case ItemSkipped skipped -> ItemState.skipped(skipped.reason());
            case ItemUnticked unticked -> ItemState.NOT_STARTED;
        };
        Evidence evidence = event instanceof ItemTicked ticked && ticked.evidence() != null
                ? Evidence.of(ticked.evidence().url(), ticked.evidence().note()) : null;
        if (before.equals(after)) {
            if (evidence != null) {
                progress.attachEvidence(item, evidence);
            }
            return;
        }
        if (before.isSkipped() && after.isSkipped()) {
            // Skipped again for another reason: only the reason changes.
            progress.mark(item, after);
            return;
        }
        long time = activity.time().toEpochMilli();
        boolean finishedBefore = progress.finishedAt(level.id()) != null;
        boolean done = after.kind() == ItemState.Kind.DONE;
        if (done != (before.kind() == ItemState.Kind.DONE)) {
            progress.setTickedIn(level.id(), progress.tickedIn(level.id()) + (done ? 1 : -1));
            if (done) {
                progress.tick(item, time);
                state.countTick(activity.time().atZone(ZoneOffset.UTC).toLocalDate().toEpochDay());
            } else {
                progress.untick(item);
            }
        }
        if (!done) {
            progress.mark(item, after);
        } else if (evidence != null) {
            progress.attachEvidence(item, evidence);
        }
        if (after.isSkipped() != before.isSkipped()) {
            progress.setSkippedIn(level.id(), progress.skippedIn(level.id()) + (after.isSkipped() ? 1 : -1));
        }
        String kind = kindOf(after);
        state.record(String.join("\t", Long.toString(time), kind, version, item));
        boolean finishedNow = isFinished(progress, level);
        if (finishedNow && !finishedBefore) {
            progress.setFinishedAt(level.id(), time);
            effects.milestones().add(new CausedMilestone(CausedMilestone.idOf("level-completed", activity.eventId()),
                    levelCompleted(event.organisationId(), cohort, event.learnerId(), structure, level, progress)));
        } else if (!finishedNow && finishedBefore) {
            progress.setFinishedAt(level.id(), null);
            effects.milestones().add(new CausedMilestone(CausedMilestone.idOf("level-reopened", activity.eventId()),
                    new LevelReopened(event.organisationId(), cohort, event.learnerId(), event.checklistId(),
                            event.checklistVersion(), level.id(), level.itemCount())));
        }
        boolean checklistFinished = allFinished(progress, structure);
        if (checklistFinished && progress.checklistFinishedAt() == null) {
            progress.setChecklistFinishedAt(time);
            effects.milestones().add(new CausedMilestone(
                    CausedMilestone.idOf("checklist-completed", activity.eventId()),
                    new ChecklistCompleted(event.organisationId(), cohort, event.learnerId(), event.checklistId(),
                            event.checklistVersion(), structure.itemCount())));
        } else if (!checklistFinished) {
            progress.setChecklistFinishedAt(null);
        }
        Long finishedAt = progress.finishedAt(level.id());
        var levelFinished = finishedAt == null ? Map.<String, Instant>of()
                : Map.of(level.id(), Instant.ofEpochMilli(finishedAt));
        state.memberships().forEach((member, on) -> {
            if (on.equals(version)) {
                effects.changes().add(change(activity, member, kind, event.checklistId(),
                        event.checklistVersion(), item, level.id(), levelFinished));
            }
        });
    }

    /** The change an item's new state is, as timelines and cohort streams name it. */
    private static String kindOf(ItemState state) {
        return switch (state.kind()) {
            case DONE -> MemberChange.TICKED;
            case NOT_STARTED -> MemberChange.UNTICKED;
            case IN_PROGRESS -> MemberChange.STARTED;
            case SKIPPED -> MemberChange.SKIPPED;
        };
    }

    /** Every item done or skipped, and at least one done. */
    private static boolean isFinished(VersionProgress progress, ChecklistStructure.Level level) {
        int ticked = progress.tickedIn(level.id());
        return ticked > 0 && ticked + progress.skippedIn(level.id()) >= level.itemCount();
    }

    /** The milestone of a finished level, with what the learner skipped and the evidence they gave. */
    private static LevelCompleted levelCompleted(String organisationId, String cohortId, String learnerId,
                                                 ChecklistStructure structure, ChecklistStructure.Level level,
                                                 VersionProgress progress) {
        var skipped = new ArrayList<LevelCompleted.SkippedItem>();
        var evidence = new ArrayList<LevelCompleted.ItemEvidence>();
        for (var category : level.categories()) {
            for (var item : category.items()) {
                ItemState itemState = progress.state(item.id());
                if (itemState.isSkipped()) {
                    skipped.add(new LevelCompleted.SkippedItem(item.id(), itemState.reason()));
                }
                Evidence given = progress.evidence(item.id());
                if (given != null) {
                    evidence.add(new LevelCompleted.ItemEvidence(item.id(), given.url(), given.note()));
                }
            }
        }
        return new LevelCompleted(organisationId, cohortId, learnerId, structure.checklistId(), structure.version(),
                level.id(), level.itemCount(), skipped, evidence);
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
            String item = place.getKey();
            Long carried = before.tickedAt(item);
            if (carried != null && !carried.equals(after.tickedAt(item))) {
                after.tick(item, carried);
            }
            if (carried != null && before.evidence(item) != null) {
                after.attachEvidence(item, before.evidence(item));
            }
            ItemState mark = before.state(item);
            if (carried == null && (mark.kind() == ItemState.Kind.IN_PROGRESS || mark.isSkipped())) {
                after.mark(item, mark);
            }
        }
        long latestFinished = 0;
        for (var level : target.levelsInOrder()) {
            int ticked = 0;
            int skipped = 0;
            long latest = 0;
            for (var category : level.categories()) {
                for (var item : category.items()) {
                    Long time = after.tickedAt(item.id());
                    if (time != null) {
                        ticked++;
                        latest = Math.max(latest, time);
                    } else if (after.state(item.id()).isSkipped()) {
                        skipped++;
                    }
                }
            }
            after.setTickedIn(level.id(), ticked);
            after.setSkippedIn(level.id(), skipped);
            if (isFinished(after, level)) {
                if (after.finishedAt(level.id()) == null) {
                    after.setFinishedAt(level.id(), latest);
                }
                latestFinished = Math.max(latestFinished, latest);
                if (!finishedBefore.contains(level.id())) {
                    effects.milestones().add(new CausedMilestone(
                            CausedMilestone.idOf("level-completed:" + level.id(), activity.eventId()),
                            levelCompleted(event.organisationId(), cohort, event.learnerId(), target, level, after)));
                }
            } else {
                after.setFinishedAt(level.id(), null);
                if (finishedBefore.contains(level.id())) {
                    effects.milestones().add(new CausedMilestone(
                            CausedMilestone.idOf("level-reopened:" + level.id(), activity.eventId()),
                            new LevelReopened(event.organisationId(), cohort, event.learnerId(), event.checklistId(),
                                    event.checklistVersion(), level.id(), level.itemCount())));
                }
            }
        }
        if (allFinished(after, target)) {
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

    /**
     * Every level with items left to do (not all skipped) is finished, and there is one: a level
     * whose every item is skipped neither finishes nor holds the checklist back.
     */
    private static boolean allFinished(VersionProgress progress, ChecklistStructure structure) {
        boolean any = false;
        for (var level : structure.levelsInOrder()) {
            if (level.itemCount() - progress.skippedIn(level.id()) > 0) {
                if (progress.finishedAt(level.id()) == null) {
                    return false;
                }
                any = true;
            }
        }
        return any;
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
        var started = new HashSet<String>();
        var skipped = new HashSet<String>();
        progress.marked().forEach((item, mark) -> (mark.isSkipped() ? skipped : started).add(item));
        return new MemberChange(cohort, kind, structure.checklistId(), structure.version(), null,
                new MemberChange.Standing(Set.copyOf(progress.tickedItems()), Set.copyOf(started), Set.copyOf(skipped)),
                null, finished, activity.offset() * 2 + step, activity.time(), activity.position());
    }

    private static MemberChange change(LearnerActivity activity, String cohort, String kind, String checklistId,
                                       int checklistVersion, String itemId, String level,
                                       Map<String, Instant> levelsFinishedAt) {
        return new MemberChange(cohort, kind, checklistId, checklistVersion, itemId, null, level, levelsFinishedAt,
                activity.offset() * 2 + 1, activity.time(), activity.position());
    }
}
