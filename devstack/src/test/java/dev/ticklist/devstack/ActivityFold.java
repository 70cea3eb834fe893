package dev.ticklist.devstack;

import dev.ticklist.events.catalog.ChecklistVersionPublished;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The test's own idea of what progress-service must hold: a plain in-order fold of exactly the
 * ticks and unticks published, written from the checklist semantics in DESIGN.md, not from the
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

    /** Every learner's state (by learner id) and every milestone, in order. */
    record Expected(Map<String, LearnerState> learners, List<Milestone> milestones) {
    }

    private final List<ChecklistVersionPublished.Level> levels;
    private final Map<String, String> levelOfItem = new HashMap<>();

    ActivityFold(ChecklistVersionPublished checklist) {
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
        return new Expected(states, milestones);
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

    /** A small checklist of two levels, two categories of four items each, so levels finish and reopen often. */
    static ChecklistVersionPublished checklist(String organisationId, String checklistId, int version) {
        var levels = new ArrayList<ChecklistVersionPublished.Level>();
        for (String level : List.of("entry", "advanced")) {
            var categories = new LinkedHashMap<String, ChecklistVersionPublished.Category>();
            for (String category : List.of("data", "theory")) {
                String categoryId = level + "-" + category;
                categories.put(categoryId, new ChecklistVersionPublished.Category(categoryId, categoryId,
                        IntStream.rangeClosed(1, 4).mapToObj(n -> categoryId + "-" + n)
                                .map(item -> new ChecklistVersionPublished.Item(item, item, "")).toList()));
            }
            levels.add(new ChecklistVersionPublished.Level(level, level, List.copyOf(categories.values())));
        }
        return new ChecklistVersionPublished(checklistId, version, organisationId, "Exactness " + checklistId, levels);
    }
}
