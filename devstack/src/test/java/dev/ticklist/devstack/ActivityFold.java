package dev.ticklist.devstack;

import dev.ticklist.events.catalog.ChecklistVersionPublished;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The test's own idea of what progress-service must hold: a plain in-order fold of exactly the
 * ticks and unticks published, written from the checklist semantics in docs/design.md, not from the
 * service's code.
 */
final class ActivityFold {

    /** One tick or untick as a test published it. */
    record Activity(String eventId, Instant time, boolean ticked, String learnerId, String itemId) {
    }

    /**
     * A learner's projection, as the fold expects it or as Redis holds it.
     *
     * @param finishedAtByLevel when each finished level was finished: the time of the tick that finished it
     * @param checklistFinishedAt when the last open level was finished, or null while any level is open
     */
    record LearnerState(Map<String, Long> tickTimeByItem, Map<String, Integer> tickedByLevel,
                        Map<String, Long> finishedAtByLevel, Long checklistFinishedAt) {
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

    /** Every learner's state (by learner id), every milestone in order, and the cohort they are all in. */
    record Expected(Map<String, LearnerState> learners, List<Milestone> milestones, CohortState cohort) {
    }

    /**
     * A cohort's projection, as the fold expects it or as Redis holds it.
     *
     * @param aggregates every aggregate field with its value; a field that is zero is left out, as
     *                   absent and {@code "0"} mean the same
     * @param ranking    each member's percent done of the whole checklist, in basis points
     */
    record CohortState(Map<String, String> aggregates, Map<String, Long> ranking) {

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

    Expected fold(List<Activity> published) {
        Map<String, Learner> learners = new TreeMap<>();
        var milestones = new ArrayList<Milestone>();
        for (Activity event : published) {
            learners.computeIfAbsent(event.learnerId(), id -> new Learner()).apply(event, milestones);
        }
        Map<String, LearnerState> states = new TreeMap<>();
        learners.forEach((id, learner) -> states.put(id, learner.state()));
        return new Expected(states, milestones, cohortOf(states));
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
            learner.apply(event, ignored);
            states.computeIfAbsent(event.learnerId(), id -> {
                var list = new ArrayList<LearnerState>();
                list.add(null);
                return list;
            }).add(learner.state());
        }
        return states;
    }

    /**
     * The cohort every learner is in (their first event joined them): per level, category and the
     * whole checklist, how many learners, how many finished it, the sum of their percents in basis
     * points and how many are in each 10% bucket; per item how many ticked it; the thresholds of
     * finished learners each level has reached; per level and week (its Monday, UTC) how many
     * finished the level that week, for the burn-up; and the ranking. Written from the definitions in
     * docs/progress.md, not from the script.
     */
    private CohortState cohortOf(Map<String, LearnerState> members) {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, Long> ranking = new TreeMap<>();
        int total = levelOfItem.size();
        members.forEach((learnerId, member) -> {
            Set<String> ticked = member.tickTimeByItem().keySet();
            for (var level : levels) {
                standing(counts, "L:" + level.id(), countOf(ticked, itemsOf(level)), itemsOf(level).size());
                for (var category : level.categories()) {
                    var items = category.items().stream().map(ChecklistVersionPublished.Item::id).toList();
                    standing(counts, "C:" + category.id(), countOf(ticked, items), items.size());
                }
            }
            standing(counts, "T", ticked.size(), total);
            ticked.forEach(item -> counts.merge("I:" + item, 1L, Long::sum));
            member.finishedAtByLevel().forEach((level, at) -> counts.merge("W:" + level + ":" + mondayOf(at), 1L,
                    Long::sum));
            ranking.put(learnerId, basisPoints(ticked.size(), total));
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
        return new CohortState(CohortState.withoutZeros(aggregates), ranking);
    }

    private static LocalDate mondayOf(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** One learner's standing in one part: {@code n} of its {@code size} items ticked. */
    private static void standing(Map<String, Long> counts, String part, int n, int size) {
        counts.merge(part + ":learners", 1L, Long::sum);
        counts.merge(part + ":sum", basisPoints(n, size), Long::sum);
        counts.merge(part + ":b" + Math.min(9, 10 * n / size), 1L, Long::sum);
        counts.merge(part + ":finished", n == size ? 1L : 0L, Long::sum);
    }

    /** Percent done in basis points, rounded half up: n * 10000 / size + 0.5, floored, in integers. */
    static long basisPoints(int n, int size) {
        return (20_000L * n + size) / (2L * size);
    }

    private static int countOf(Set<String> ticked, List<String> items) {
        return (int) items.stream().filter(ticked::contains).count();
    }

    /** One learner during the fold. */
    private final class Learner {
        private final Map<String, Long> tickTimes = new TreeMap<>();
        private final Map<String, Long> finishedAt = new TreeMap<>();
        private Long checklistFinishedAt;

        void apply(Activity event, List<Milestone> milestones) {
            String level = levelOfItem.get(event.itemId());
            if (event.ticked() && !tickTimes.containsKey(event.itemId())) {
                tickTimes.put(event.itemId(), event.time().toEpochMilli());
                if (tickedIn(level) == sizeOf(level)) {
                    finishedAt.put(level, event.time().toEpochMilli());
                    milestones.add(new Milestone(MilestoneKind.LEVEL_COMPLETED, event.learnerId(), level, event.eventId()));
                    if (finishedAt.size() == levels.size()) {
                        checklistFinishedAt = event.time().toEpochMilli();
                        milestones.add(new Milestone(MilestoneKind.CHECKLIST_COMPLETED, event.learnerId(), null,
                                event.eventId()));
                    }
                }
            } else if (!event.ticked() && tickTimes.remove(event.itemId()) != null
                    && finishedAt.remove(level) != null) {
                checklistFinishedAt = null;
                milestones.add(new Milestone(MilestoneKind.LEVEL_REOPENED, event.learnerId(), level, event.eventId()));
            }
        }

        LearnerState state() {
            Map<String, Integer> tickedByLevel = new TreeMap<>();
            levels.forEach(level -> tickedByLevel.put(level.id(), tickedIn(level.id())));
            return new LearnerState(new TreeMap<>(tickTimes), tickedByLevel, new TreeMap<>(finishedAt),
                    checklistFinishedAt);
        }

        private int tickedIn(String level) {
            return (int) tickTimes.keySet().stream().filter(item -> levelOfItem.get(item).equals(level)).count();
        }
    }

    private int sizeOf(String levelId) {
        return levels.stream().filter(level -> level.id().equals(levelId)).findFirst()
                .map(level -> itemsOf(level).size()).orElseThrow();
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
