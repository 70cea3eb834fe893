package dev.ticklist.progress.model;

import dev.ticklist.events.cohort.CohortMembersChanged;
import dev.ticklist.events.cohort.CohortMembersChanged.Member;
import dev.ticklist.events.milestone.CohortLevelThresholdReached;
import dev.ticklist.progress.catalog.ChecklistStructure;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rules of a cohort's progress, as one pure function: {@code (state, record) -> (state,
 * milestones)}. For each level and category and overall ({@code L:}, {@code C:}, {@code T}) the
 * aggregates count learners, the sum of their percents (basis points), their 10 % buckets and
 * those finished — each learner measured against their own size, the items less those they
 * skipped, and not counted where they skipped everything; per item the learners who did it
 * ({@code I:}), are working on it ({@code IP:}) and skipped it ({@code IS:}); per level and week
 * ({@code W:<level>:<monday>}) the members whose level is finished, by the week it was finished
 * (the burn-up: summed up to a week, the members who had finished by then). A member's change applies
 * once (its sequence grows), with the row of their version; thresholds of learners finishing a
 * level are milestones each time they are reached again after falling below.
 */
public final class CohortModel {

    private CohortModel() {
    }

    /** Applies one record of the cohort stream at {@code offset}; a record at or below the applied offset changes nothing. */
    public static List<CausedMilestone> apply(CohortState state, long offset, CohortMembersChanged record,
                                              ChecklistVersions versions, List<Integer> thresholds) {
        var milestones = new ArrayList<CausedMilestone>();
        if (offset <= state.applied()) {
            return milestones;
        }
        state.applied(offset);
        for (Member member : record.members()) {
            apply(state, member, versions, thresholds, milestones);
        }
        return milestones;
    }

    private static void apply(CohortState state, Member change, ChecklistVersions versions, List<Integer> thresholds,
                              List<CausedMilestone> milestones) {
        CohortRow row = state.row(change.learnerId());
        if (change.sequence() <= row.sequence) {
            return;
        }
        row.sequence = change.sequence();
        state.rowChanged(change.learnerId());
        String version = ChecklistVersions.key(change.checklistId(), change.checklistVersion());
        var touched = new LinkedHashSet<String>();
        boolean counts = true;
        if (CohortMembersChanged.LEFT.equals(change.standing())) {
            remove(state, row, touched);
        } else if (change.reset()) {
            remove(state, row, touched);
            add(state, row, version, versions.of(change.checklistId(), change.checklistVersion()), change,
                    touched);
        } else if (version.equals(row.version)) {
            var structure = versions.of(change.checklistId(), change.checklistVersion());
            change.unticked().forEach(item -> itemTo(state, row, structure, item, null, change, touched));
            change.started().forEach(item -> itemTo(state, row, structure, item, CohortRow.STARTED, change, touched));
            change.skipped().forEach(item -> itemTo(state, row, structure, item, CohortRow.SKIPPED, change, touched));
            change.ticked().forEach(item -> itemTo(state, row, structure, item, CohortRow.DONE, change, touched));
            redated(state, row, change);
        } else {
            // Superseded in the learner's stream (they moved on): nothing to count.
            counts = false;
        }
        if (counts) {
            change.ticksPerDay().forEach((day, ticks) -> state.countTicks(LocalDate.parse(day).toEpochDay(), ticks));
        }
        for (String level : touched) {
            thresholds(state, level, change, thresholds, milestones);
        }
    }

    /** Takes the row out of every aggregate. */
    private static void remove(CohortState state, CohortRow row, Set<String> touched) {
        if (!row.isCounted()) {
            return;
        }
        row.levelTicked.forEach((level, n) -> {
            count(state, "L:" + level, n, row.levelSize.get(level), -1);
            touched.add(level);
        });
        row.categoryTicked.forEach((category, n) -> count(state, "C:" + category, n, row.categorySize.get(category), -1));
        row.items.forEach(item -> state.add(itemAggregate(CohortRow.DONE, item), -1));
        row.started.forEach(item -> state.add(itemAggregate(CohortRow.STARTED, item), -1));
        row.skipped.forEach(item -> state.add(itemAggregate(CohortRow.SKIPPED, item), -1));
        row.finishedWeek.forEach((level, week) -> state.add(weekField(level, week), -1));
        count(state, "T", row.ticked, row.total, -1);
        row.clear();
    }

    /**
     * Builds the row on the version from the learner's items done, in progress and skipped, and
     * adds it to every aggregate. Their skipped items leave the learner's own sizes.
     */
    private static void add(CohortState state, CohortRow row, String version, ChecklistStructure structure,
                            Member change, Set<String> touched) {
        row.rewritten = true;
        row.version = version;
        row.total = structure.itemCount();
        for (var level : structure.levelsInOrder()) {
            row.levelTicked.put(level.id(), 0);
            row.levelSize.put(level.id(), level.itemCount());
            for (var category : level.categories()) {
                row.categoryTicked.put(category.id(), 0);
                row.categorySize.put(category.id(), category.itemCount());
            }
        }
        change.started().forEach(item -> placed(state, row, structure, item, CohortRow.STARTED));
        change.skipped().forEach(item -> placed(state, row, structure, item, CohortRow.SKIPPED));
        change.ticked().forEach(item -> placed(state, row, structure, item, CohortRow.DONE));
        row.levelTicked.forEach((level, n) -> {
            int size = row.levelSize.get(level);
            count(state, "L:" + level, n, size, 1);
            if (size > 0 && n >= size) {
                finished(state, row, level, change);
            }
            touched.add(level);
        });
        row.categoryTicked.forEach((category, n) -> count(state, "C:" + category, n, row.categorySize.get(category), 1));
        count(state, "T", row.ticked, row.total, 1);
        state.version(version);
    }

    /** One item of a row being built takes its state; an item the version does not have (a stale one) does not count. */
    private static void placed(CohortState state, CohortRow row, ChecklistStructure structure, String item,
                               String itemState) {
        structure.placeOf(item).ifPresent(place -> {
            String id = structure.indexes().sameItem(item);
            if (row.stateOf(id) != null) {
                return;
            }
            row.setState(id, itemState);
            state.add(itemAggregate(itemState, item), 1);
            String level = place.level().id();
            String category = place.category().id();
            if (itemState.equals(CohortRow.DONE)) {
                row.levelTicked.merge(level, 1, Integer::sum);
                row.categoryTicked.merge(category, 1, Integer::sum);
                row.ticked++;
            } else if (itemState.equals(CohortRow.SKIPPED)) {
                row.levelSize.merge(level, -1, Integer::sum);
                row.categorySize.merge(category, -1, Integer::sum);
                row.total--;
            }
        });
    }

    /**
     * One item of the row's version goes to a state (null: not started). Done adds to the
     * learner's counts; skipped takes one from their sizes (the item leaves what they have to do).
     */
    private static void itemTo(CohortState state, CohortRow row, ChecklistStructure structure, String item,
                               String now, Member change, Set<String> touched) {
        var place = structure.placeOf(item);
        if (place.isEmpty()) {
            return;
        }
        String id = structure.indexes().sameItem(item);
        String before = row.stateOf(id);
        if (Objects.equals(before, now)) {
            return;
        }
        row.setState(id, now);
        if (before != null) {
            state.add(itemAggregate(before, item), -1);
        }
        if (now != null) {
            state.add(itemAggregate(now, item), 1);
        }
        int done = (CohortRow.DONE.equals(now) ? 1 : 0) - (CohortRow.DONE.equals(before) ? 1 : 0);
        int size = (CohortRow.SKIPPED.equals(before) ? 1 : 0) - (CohortRow.SKIPPED.equals(now) ? 1 : 0);
        String level = place.get().level().id();
        String category = place.get().category().id();
        row.changed.addAll(List.of("I:" + item, "L:" + level, "C:" + category, "T"));
        if (size != 0) {
            row.changed.addAll(List.of("LS:" + level, "CS:" + category, "TS"));
        }
        int levelBefore = row.levelTicked.getOrDefault(level, 0);
        int levelSizeBefore = row.levelSize.getOrDefault(level, 0);
        row.levelTicked.put(level, levelBefore + done);
        row.levelSize.put(level, levelSizeBefore + size);
        standingMoved(state, "L:" + level, levelBefore, levelSizeBefore, levelBefore + done, levelSizeBefore + size);
        boolean finishedBefore = levelSizeBefore > 0 && levelBefore >= levelSizeBefore;
        boolean finishedNow = levelSizeBefore + size > 0 && levelBefore + done >= levelSizeBefore + size;
        if (finishedNow && !finishedBefore) {
            finished(state, row, level, change);
        } else if (finishedBefore && !finishedNow) {
            reopened(state, row, level);
        }
        int categoryBefore = row.categoryTicked.getOrDefault(category, 0);
        int categorySizeBefore = row.categorySize.getOrDefault(category, 0);
        row.categoryTicked.put(category, categoryBefore + done);
        row.categorySize.put(category, categorySizeBefore + size);
        standingMoved(state, "C:" + category, categoryBefore, categorySizeBefore, categoryBefore + done,
                categorySizeBefore + size);
        standingMoved(state, "T", row.ticked, row.total, row.ticked + done, row.total + size);
        row.ticked += done;
        row.total += size;
        touched.add(level);
    }

    /** The aggregate that counts the learners with an item in a state: {@code I:} done, {@code IP:} in progress, {@code IS:} skipped. */
    static String itemAggregate(String itemState, String item) {
        return switch (itemState) {
            case CohortRow.STARTED -> "IP:" + item;
            case CohortRow.SKIPPED -> "IS:" + item;
            default -> "I:" + item;
        };
    }

    /** One learner's standing in one aggregate moved: its count, and its size when an item was skipped or unskipped. */
    private static void standingMoved(CohortState state, String prefix, int old, int oldSize, int now, int size) {
        if (oldSize == size) {
            shift(state, prefix, old, now, size);
        } else {
            count(state, prefix, old, oldSize, -1);
            count(state, prefix, now, size, 1);
        }
    }

    /** The row's level is finished: it counts in the week the learner finished it. */
    private static void finished(CohortState state, CohortRow row, String level, Member change) {
        String week = weekOf(change.levelsFinishedAt().getOrDefault(level, change.occurredAt()));
        row.finishedWeek.put(level, week);
        row.changed.add("F:" + level);
        state.add(weekField(level, week), 1);
    }

    private static void reopened(CohortState state, CohortRow row, String level) {
        String week = row.finishedWeek.remove(level);
        row.changed.add("F:" + level);
        if (week != null) {
            state.add(weekField(level, week), -1);
        }
    }

    /**
     * A level that stays finished while the learner finished it again (reopened and finished
     * within one record) moves to the week of its new finish, as one change after the other would.
     */
    private static void redated(CohortState state, CohortRow row, Member change) {
        change.levelsFinishedAt().forEach((level, at) -> {
            String counted = row.finishedWeek.get(level);
            String week = weekOf(at);
            if (counted != null && !counted.equals(week)) {
                state.add(weekField(level, counted), -1);
                row.finishedWeek.put(level, week);
                row.changed.add("F:" + level);
                state.add(weekField(level, week), 1);
            }
        });
    }

    /** The burn-up's week of a moment: the date of its Monday, UTC. */
    static String weekOf(Instant time) {
        LocalDate day = time.atZone(ZoneOffset.UTC).toLocalDate();
        return day.minusDays(day.getDayOfWeek().getValue() - 1L).toString();
    }

    static String weekField(String level, String week) {
        return "W:" + level + ":" + week;
    }

    /** Adds (sign 1) or removes (sign -1) one learner's standing in one aggregate. */
    private static void count(CohortState state, String prefix, int n, int size, int sign) {
        if (size <= 0) {
            return;
        }
        state.add(prefix + ":learners", sign);
        state.add(prefix + ":sum", sign * basisPoints(n, size));
        state.add(prefix + ":b" + bucket(n, size), sign);
        if (n >= size) {
            state.add(prefix + ":finished", sign);
        }
    }

    /** One learner's count in one aggregate went from old to new. */
    private static void shift(CohortState state, String prefix, int old, int now, int size) {
        if (size <= 0) {
            return;
        }
        state.add(prefix + ":sum", basisPoints(now, size) - basisPoints(old, size));
        if (bucket(old, size) != bucket(now, size)) {
            state.add(prefix + ":b" + bucket(old, size), -1);
            state.add(prefix + ":b" + bucket(now, size), 1);
        }
        if ((old >= size) != (now >= size)) {
            state.add(prefix + ":finished", now >= size ? 1 : -1);
        }
    }

    /** Each threshold the level's share of finished learners rose to is a milestone; those it fell below are forgotten. */
    private static void thresholds(CohortState state, String level, Member change, List<Integer> thresholds,
                                   List<CausedMilestone> milestones) {
        long finished = state.number("L:" + level + ":finished");
        long learners = state.number("L:" + level + ":learners");
        for (int threshold : thresholds) {
            String reached = "R:" + level + ":" + threshold;
            if (learners > 0 && finished * 100 >= (long) threshold * learners) {
                if (state.number(reached) == 0) {
                    state.set(reached, 1L);
                    String times = "RN:" + level + ":" + threshold;
                    state.add(times, 1);
                    milestones.add(new CausedMilestone(
                            CausedMilestone.idOf("cohort-threshold", state.organisationId() + "/" + state.cohortId()
                                    + ":" + level + ":" + threshold + ":" + state.number(times)),
                            new CohortLevelThresholdReached(state.organisationId(), state.cohortId(),
                                    change.checklistId(), change.checklistVersion(), level, threshold,
                                    (int) finished, (int) learners)));
                }
            } else {
                state.set(reached, null);
            }
        }
    }

    /** Percent in basis points, rounded to the nearest. */
    static long basisPoints(long n, long size) {
        return size <= 0 ? 0 : Math.floorDiv(2 * n * 10000 + size, 2 * size);
    }

    private static int bucket(int n, int size) {
        return Math.min(9, n * 10 / size);
    }
}
