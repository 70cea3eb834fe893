package dev.ticklist.devstack;

import dev.ticklist.events.catalog.ChecklistVersionPublished;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The test's own idea of what progress-service must hold: a plain in-order fold of exactly the
 * ticks, unticks, starts and skips published, written from the rules in docs/progress.md ("The
 * model"), not from the service's code.
 */
final class ActivityFold {

    /** What an event does to its item. */
    enum Change {
        /** done, whatever it was */
        TICK,
        /** not started, whatever it was */
        UNTICK,
        /** in progress */
        START,
        /** skipped, with the event's reason (or none) */
        SKIP
    }

    /**
     * One event as a test published it.
     *
     * @param reason why a {@link Change#SKIP} skips, or null; null for the other changes
     */
    record Activity(String eventId, Instant time, Change change, String learnerId, String itemId, String reason) {
    }

    /** An item in progress, as progress-service stores it in a learner's states hash. */
    static final String STARTED = "started";

    /** A skipped item, with or without a reason, as progress-service stores it in a learner's states hash. */
    static String skipped(String reason) {
        return reason == null ? "skipped" : "skipped:" + reason;
    }

    /**
     * A learner's projection, as the fold expects it or as Redis holds it.
     *
     * @param tickTimeByItem    each done item with the time of the tick that made it done
     * @param stateByItem       each item in progress ({@link #STARTED}) or skipped ({@link #skipped}); an item
     *                          in neither map is not started
     * @param inProgressByLevel items in progress per level
     * @param finishedAtByLevel when each finished level was finished: the time of the event that left
     *                          every item of it done or skipped with at least one done
     * @param checklistFinishedAt when the checklist was finished (every level with items left to do
     *                          finished, and at least one such level), or null while it is not
     */
    record LearnerState(Map<String, Long> tickTimeByItem, Map<String, String> stateByItem,
                        Map<String, Integer> tickedByLevel, Map<String, Integer> skippedByLevel,
                        Map<String, Integer> inProgressByLevel, Map<String, Long> finishedAtByLevel,
                        Long checklistFinishedAt) {
    }

    enum MilestoneKind { LEVEL_COMPLETED, LEVEL_REOPENED, CHECKLIST_COMPLETED }

    /** A milestone the fold says must be announced: what, of whom, and which event caused it. */
    record Milestone(MilestoneKind kind, String learnerId, String levelId, String causingEventId) {
        String subject() {
            return ActivityFold.subject(kind, learnerId, levelId);
        }
    }

    /** What a milestone announces about whom, as one comparable string. */
    static String subject(MilestoneKind kind, String learnerId, String levelId) {
        return kind + " " + learnerId + (levelId == null ? "" : "/" + levelId);
    }

    /**
     * Every learner's state (by learner id), every milestone in order, the cohort they are all in,
     * and how often each of the {@link Occasion}s happened on the way.
     */
    record Expected(Map<String, LearnerState> learners, List<Milestone> milestones, CohortState cohort,
                    Map<Occasion, Integer> occasions) {
    }

    /**
     * Cases of the rules a stream should take the fold through, or its comparisons would prove
     * less. Those {@code inEveryStream} come within a few thousand events of 150 learners; the
     * others need a long stream ({@code ProgressExactnessIT}'s).
     */
    enum Occasion {
        LEVEL_FINISHED_WITH_ITEMS_SKIPPED(true),
        LEVEL_FINISHED_BY_A_SKIP(false),
        LEVEL_REOPENED_BY_AN_UNTICK(false),
        LEVEL_REOPENED_BY_A_START(false),
        LEVEL_REOPENED_BY_AN_UNSKIP(false),
        LEVEL_REOPENED_BY_SKIPPING_ITS_LAST_DONE_ITEM(false),
        LEVEL_ALL_SKIPPED(false),
        CHECKLIST_FINISHED_PAST_A_LEVEL_ALL_SKIPPED(false),
        SKIP_REASON_CHANGED(true),
        SKIPPED_ITEM_TICKED(true);

        final boolean inEveryStream;

        Occasion(boolean inEveryStream) {
            this.inEveryStream = inEveryStream;
        }
    }

    /**
     * A cohort's projection, as the fold expects it or as Redis holds it.
     *
     * @param aggregates every aggregate field with its value; a field that is zero is left out, as
     *                   absent and {@code "0"} mean the same
     * @param ranking    each member's percent done of the whole checklist, in basis points
     * @param rows       each member's row by learner id: their version ({@code cv}), per level,
     *                   category and overall their items done ({@code L:}, {@code C:}, {@code T})
     *                   and their own sizes, the items less those they skipped ({@code LS:},
     *                   {@code CS:}, {@code TS}), each item's state ({@code I:}: {@code 1} done,
     *                   {@code p} in progress, {@code s} skipped) and the week each finished level
     *                   counts in ({@code F:}); zero fields left out
     */
    record CohortState(Map<String, String> aggregates, Map<String, Long> ranking,
                       Map<String, Map<String, String>> rows) {

        static Map<String, String> withoutZeros(Map<String, String> fields) {
            var nonZero = new TreeMap<String, String>();
            fields.forEach((field, value) -> {
                if (!value.equals("0")) {
                    nonZero.put(field, value);
                }
            });
            return nonZero;
        }
    }

    /** Shares of a cohort's learners finishing a level that are milestones (progress-service's default). */
    static final List<Integer> COHORT_THRESHOLDS = List.of(50, 90, 100);

    private final String checklistVersion;
    private final List<ChecklistVersionPublished.Level> levels;
    private final Map<String, String> levelOfItem = new HashMap<>();

    ActivityFold(ChecklistVersionPublished checklist) {
        this.checklistVersion = checklist.checklistId() + "@" + checklist.version();
        this.levels = checklist.levels();
        levels.forEach(level -> itemsOf(level).forEach(item -> levelOfItem.put(item, level.id())));
    }

    static List<String> itemsOf(ChecklistVersionPublished.Level level) {
        return level.categories().stream().flatMap(category -> category.items().stream())
                .map(ChecklistVersionPublished.Item::id).toList();
    }

    private static List<String> itemsOf(ChecklistVersionPublished.Category category) {
        return category.items().stream().map(ChecklistVersionPublished.Item::id).toList();
    }

    Expected fold(List<Activity> published) {
        Map<String, Learner> learners = new TreeMap<>();
        var milestones = new ArrayList<Milestone>();
        Map<Occasion, Integer> occasions = new EnumMap<>(Occasion.class);
        for (Activity event : published) {
            learners.computeIfAbsent(event.learnerId(), id -> new Learner()).apply(event, milestones, occasions);
        }
        Map<String, LearnerState> states = new TreeMap<>();
        learners.forEach((id, learner) -> states.put(id, learner.state()));
        return new Expected(states, milestones, cohortOf(states), occasions);
    }

    /**
     * Each learner's state before their first event (null: no checklist yet) and after each of
     * their events, in order: what a query may answer at some moment, and nothing else.
     */
    Map<String, List<LearnerState>> statesAfterEachEvent(List<Activity> published) {
        Map<String, Learner> learners = new HashMap<>();
        Map<String, List<LearnerState>> states = new HashMap<>();
        var ignored = new ArrayList<Milestone>();
        for (Activity event : published) {
            var learner = learners.computeIfAbsent(event.learnerId(), id -> new Learner());
            learner.apply(event, ignored, new EnumMap<>(Occasion.class));
            states.computeIfAbsent(event.learnerId(), id -> {
                var list = new ArrayList<LearnerState>();
                list.add(null);
                return list;
            }).add(learner.state());
        }
        return states;
    }

    /**
     * The cohort every learner is in (their first event joined them). Each learner is measured
     * against their own size of each part (its items less those they skipped) and not counted in a
     * part they skipped all of: per level, category and the whole checklist, how many learners, how
     * many finished it (every item done or skipped, at least one done), the sum of their percents
     * in basis points and how many are in each 10% bucket; per item how many did it ({@code I:}),
     * are working on it ({@code IP:}) and skipped it ({@code IS:}); the thresholds of finished
     * learners each level has reached; per level and week (its Monday, UTC) how many finished the
     * level that week, for the burn-up; the ranking; and each learner's row. Written from the
     * definitions in docs/progress.md and docs/api.md, not from the script.
     */
    private CohortState cohortOf(Map<String, LearnerState> members) {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, Long> ranking = new TreeMap<>();
        Map<String, Map<String, String>> rows = new TreeMap<>();
        members.forEach((learnerId, member) -> {
            Set<String> done = member.tickTimeByItem().keySet();
            Set<String> skippedItems = new HashSet<>();
            member.stateByItem().forEach((item, state) -> {
                if (state.equals(STARTED)) {
                    counts.merge("IP:" + item, 1L, Long::sum);
                } else {
                    skippedItems.add(item);
                    counts.merge("IS:" + item, 1L, Long::sum);
                }
            });
            done.forEach(item -> counts.merge("I:" + item, 1L, Long::sum));
            Map<String, String> row = new TreeMap<>();
            row.put("cv", checklistVersion);
            var allItems = new ArrayList<String>();
            for (var level : levels) {
                List<String> items = itemsOf(level);
                allItems.addAll(items);
                standing(counts, row, "L:" + level.id(), "LS:" + level.id(), items, done, skippedItems);
                for (var category : level.categories()) {
                    standing(counts, row, "C:" + category.id(), "CS:" + category.id(), itemsOf(category), done,
                            skippedItems);
                }
            }
            standing(counts, row, "T", "TS", allItems, done, skippedItems);
            member.stateByItem().forEach((item, state) -> row.put("I:" + item, state.equals(STARTED) ? "p" : "s"));
            done.forEach(item -> row.put("I:" + item, "1"));
            member.finishedAtByLevel().forEach((level, at) -> {
                counts.merge("W:" + level + ":" + mondayOf(at), 1L, Long::sum);
                row.put("F:" + level, mondayOf(at).toString());
            });
            ranking.put(learnerId, basisPoints(done.size(), allItems.size() - skippedItems.size()));
            rows.put(learnerId, CohortState.withoutZeros(row));
        });
        Map<String, String> aggregates = new TreeMap<>();
        counts.forEach((field, count) -> aggregates.put(field, Long.toString(count)));
        for (var level : levels) {
            long learners = counts.getOrDefault("L:" + level.id() + ":learners", 0L);
            long finished = counts.getOrDefault("L:" + level.id() + ":finished", 0L);
            COHORT_THRESHOLDS.stream().filter(threshold -> learners > 0 && finished * 100 >= threshold * learners)
                    .forEach(threshold -> aggregates.put("R:" + level.id() + ":" + threshold, "1"));
        }
        if (!members.isEmpty()) {
            aggregates.put("cv", checklistVersion);
        }
        return new CohortState(CohortState.withoutZeros(aggregates), ranking, rows);
    }

    private static LocalDate mondayOf(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * One learner's standing in one part: its items done of their own size (its items less those
     * they skipped), in the aggregates and in their row; a part they skipped all of counts no learner.
     */
    private static void standing(Map<String, Long> counts, Map<String, String> row, String part, String sizeField,
                                 List<String> items, Set<String> done, Set<String> skippedItems) {
        int n = (int) items.stream().filter(done::contains).count();
        int size = items.size() - (int) items.stream().filter(skippedItems::contains).count();
        row.put(part, Integer.toString(n));
        row.put(sizeField, Integer.toString(size));
        if (size == 0) {
            return;
        }
        counts.merge(part + ":learners", 1L, Long::sum);
        counts.merge(part + ":sum", basisPoints(n, size), Long::sum);
        counts.merge(part + ":b" + Math.min(9, 10 * n / size), 1L, Long::sum);
        counts.merge(part + ":finished", n == size ? 1L : 0L, Long::sum);
    }

    /** Percent done in basis points, rounded half up: n * 10000 / size + 0.5, floored, in integers; 0 of nothing. */
    static long basisPoints(int n, int size) {
        return size == 0 ? 0 : (20_000L * n + size) / (2L * size);
    }

    /** One learner during the fold: each item's state, and what is finished since when. */
    private final class Learner {
        private final Map<String, Long> tickTimes = new TreeMap<>();
        /** Items in progress or skipped, as {@link LearnerState#stateByItem()}. */
        private final Map<String, String> states = new TreeMap<>();
        private final Map<String, Long> finishedAt = new TreeMap<>();
        private Long checklistFinishedAt;

        void apply(Activity event, List<Milestone> milestones, Map<Occasion, Integer> occasions) {
            String item = event.itemId();
            String level = levelOfItem.get(item);
            boolean wasSkipped = isSkipped(item);
            boolean wasDone = tickTimes.containsKey(item);
            boolean wasAllSkipped = isAllSkipped(level);
            // An event that leaves the item as it was changes nothing (a skip for another reason changes the reason).
            switch (event.change()) {
                case TICK -> {
                    if (!wasDone) {
                        states.remove(item);
                        tickTimes.put(item, event.time().toEpochMilli());
                    }
                }
                case UNTICK -> {
                    tickTimes.remove(item);
                    states.remove(item);
                }
                case START -> {
                    tickTimes.remove(item);
                    states.put(item, STARTED);
                }
                case SKIP -> {
                    tickTimes.remove(item);
                    String before = states.put(item, skipped(event.reason()));
                    if (wasSkipped && !before.equals(states.get(item))) {
                        occurred(occasions, Occasion.SKIP_REASON_CHANGED);
                    }
                }
            }
            if (wasSkipped && event.change() == Change.TICK) {
                occurred(occasions, Occasion.SKIPPED_ITEM_TICKED);
            }
            if (!wasAllSkipped && isAllSkipped(level)) {
                occurred(occasions, Occasion.LEVEL_ALL_SKIPPED);
            }
            long time = event.time().toEpochMilli();
            boolean finishedNow = isFinished(level);
            if (finishedNow && !finishedAt.containsKey(level)) {
                finishedAt.put(level, time);
                milestones.add(new Milestone(MilestoneKind.LEVEL_COMPLETED, event.learnerId(), level, event.eventId()));
                if (itemsOf(levelNamed(level)).stream().anyMatch(this::isSkipped)) {
                    occurred(occasions, Occasion.LEVEL_FINISHED_WITH_ITEMS_SKIPPED);
                }
                if (event.change() == Change.SKIP) {
                    occurred(occasions, Occasion.LEVEL_FINISHED_BY_A_SKIP);
                }
            } else if (!finishedNow && finishedAt.remove(level) != null) {
                milestones.add(new Milestone(MilestoneKind.LEVEL_REOPENED, event.learnerId(), level, event.eventId()));
                occurred(occasions, switch (event.change()) {
                    case UNTICK -> wasSkipped ? Occasion.LEVEL_REOPENED_BY_AN_UNSKIP : Occasion.LEVEL_REOPENED_BY_AN_UNTICK;
                    case START -> wasSkipped ? Occasion.LEVEL_REOPENED_BY_AN_UNSKIP : Occasion.LEVEL_REOPENED_BY_A_START;
                    case SKIP -> Occasion.LEVEL_REOPENED_BY_SKIPPING_ITS_LAST_DONE_ITEM;
                    case TICK -> throw new IllegalStateException("a tick reopened " + level);
                });
            }
            boolean checklistNow = isChecklistFinished();
            if (checklistNow && checklistFinishedAt == null) {
                checklistFinishedAt = time;
                milestones.add(new Milestone(MilestoneKind.CHECKLIST_COMPLETED, event.learnerId(), null,
                        event.eventId()));
                if (levels.stream().anyMatch(one -> isAllSkipped(one.id()))) {
                    occurred(occasions, Occasion.CHECKLIST_FINISHED_PAST_A_LEVEL_ALL_SKIPPED);
                }
            } else if (!checklistNow) {
                checklistFinishedAt = null;
            }
        }

        private static void occurred(Map<Occasion, Integer> occasions, Occasion occasion) {
            occasions.merge(occasion, 1, Integer::sum);
        }

        private boolean isAllSkipped(String level) {
            return itemsOf(levelNamed(level)).stream().allMatch(this::isSkipped);
        }

        /** Every item of the level done or skipped, and at least one done. */
        private boolean isFinished(String level) {
            List<String> items = itemsOf(levelNamed(level));
            return items.stream().allMatch(item -> tickTimes.containsKey(item) || isSkipped(item))
                    && items.stream().anyMatch(tickTimes::containsKey);
        }

        /** Every level with items left to do (not all skipped) finished, and at least one such level. */
        private boolean isChecklistFinished() {
            var toDo = levels.stream().filter(level -> !isAllSkipped(level.id())).toList();
            return !toDo.isEmpty() && toDo.stream().allMatch(level -> isFinished(level.id()));
        }

        private boolean isSkipped(String item) {
            String state = states.get(item);
            return state != null && !state.equals(STARTED);
        }

        LearnerState state() {
            Map<String, Integer> ticked = new TreeMap<>();
            Map<String, Integer> skippedCount = new TreeMap<>();
            Map<String, Integer> inProgress = new TreeMap<>();
            for (var level : levels) {
                List<String> items = itemsOf(level);
                ticked.put(level.id(), (int) items.stream().filter(tickTimes::containsKey).count());
                skippedCount.put(level.id(), (int) items.stream().filter(this::isSkipped).count());
                inProgress.put(level.id(), (int) items.stream().filter(item -> STARTED.equals(states.get(item))).count());
            }
            return new LearnerState(new TreeMap<>(tickTimes), new TreeMap<>(states), ticked, skippedCount, inProgress,
                    new TreeMap<>(finishedAt), checklistFinishedAt);
        }
    }

    private ChecklistVersionPublished.Level levelNamed(String levelId) {
        return levels.stream().filter(level -> level.id().equals(levelId)).findFirst().orElseThrow();
    }

    /**
     * A small checklist of two levels of two categories each, so levels finish and reopen often;
     * one category has three items, so the entry level (7) and the whole checklist (15) have sizes
     * whose percents need rounding.
     */
    static ChecklistVersionPublished checklist(String organisationId, String checklistId, int version) {
        var levels = new ArrayList<ChecklistVersionPublished.Level>();
        for (String level : List.of("entry", "advanced")) {
            var categories = new LinkedHashMap<String, ChecklistVersionPublished.Category>();
            for (String category : List.of("data", "theory")) {
                String categoryId = level + "-" + category;
                int size = categoryId.equals("entry-theory") ? 3 : 4;
                categories.put(categoryId, new ChecklistVersionPublished.Category(categoryId, categoryId,
                        IntStream.rangeClosed(1, size).mapToObj(n -> categoryId + "-" + n)
                                .map(item -> new ChecklistVersionPublished.Item(item, item, "")).toList()));
            }
            levels.add(new ChecklistVersionPublished.Level(level, level, List.copyOf(categories.values())));
        }
        return new ChecklistVersionPublished(checklistId, version, organisationId, "Exactness " + checklistId, levels);
    }
}
