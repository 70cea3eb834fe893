package dev.ticklist.devstack;

import dev.ticklist.devstack.ActivityFold.CohortState;
import dev.ticklist.devstack.ActivityFold.LearnerState;
import dev.ticklist.events.catalog.ChecklistVersionPublished;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * progress-service's query answers in the fold's terms, and the fold's cohort in the terms of the
 * cohort answer (docs/api.md), so that the two can be compared as plain maps.
 */
final class ProgressAnswers {

    private ProgressAnswers() {
    }

    /** A learner's answer as a state; null when it names no checklist (no activity applied yet). */
    static LearnerState learnerState(JsonNode answer) {
        JsonNode checklists = answer.get("checklists");
        if (checklists == null || checklists.isEmpty()) {
            return null;
        }
        JsonNode checklist = checklists.get(0);
        Map<String, Long> tickTimes = new TreeMap<>();
        checklist.get("tickedItems").properties().forEach(item -> tickTimes.put(item.getKey(), millis(item.getValue())));
        Map<String, String> states = new TreeMap<>();
        Map<String, Integer> tickedByLevel = new TreeMap<>();
        Map<String, Integer> skippedByLevel = new TreeMap<>();
        Map<String, Integer> inProgressByLevel = new TreeMap<>();
        Map<String, Long> finishedAt = new TreeMap<>();
        for (JsonNode level : checklist.get("levels")) {
            String id = level.get("id").asString();
            tickedByLevel.put(id, level.get("ticked").asInt());
            skippedByLevel.put(id, level.get("skipped").asInt());
            inProgressByLevel.put(id, level.get("inProgress").asInt());
            if (!isNull(level.get("finishedAt"))) {
                finishedAt.put(id, millis(level.get("finishedAt")));
            }
            for (JsonNode category : level.get("categories")) {
                for (JsonNode item : category.get("items")) {
                    String state = item.get("state").asString();
                    String skipReason = isNull(item.get("skipReason")) ? null : item.get("skipReason").asString();
                    switch (state) {
                        case "in-progress" -> states.put(item.get("id").asString(), ActivityFold.STARTED);
                        case "skipped" -> states.put(item.get("id").asString(), ActivityFold.skipped(skipReason));
                        default -> {
                            // done is in tickedItems; not started is in neither
                        }
                    }
                }
            }
        }
        JsonNode checklistFinished = checklist.get("finishedAt");
        return new LearnerState(tickTimes, states, tickedByLevel, skippedByLevel, inProgressByLevel, finishedAt,
                isNull(checklistFinished) ? null : millis(checklistFinished));
    }

    /** Whether a cohort answer shows no cohort at all: no checklist, as before anyone joined. */
    static boolean isEmptyCohort(JsonNode answer) {
        return isNull(answer.get("checklistId"));
    }

    /**
     * The cohort answer's figures by path: per standing learners, finished, average and histogram;
     * per item tickedBy ({@code I:}), inProgressBy ({@code IP:}) and skippedBy ({@code IS:}).
     */
    static Map<String, String> cohortView(JsonNode answer) {
        Map<String, String> view = new TreeMap<>();
        view.put("checklist", answer.get("checklistId").asString() + "@" + answer.get("checklistVersion").asInt());
        standing(view, "T", answer.get("overall"));
        for (JsonNode level : answer.get("levels")) {
            standing(view, "L:" + level.get("id").asString(), level.get("standing"));
            for (JsonNode category : level.get("categories")) {
                standing(view, "C:" + category.get("id").asString(), category.get("standing"));
                for (JsonNode item : category.get("items")) {
                    String id = item.get("id").asString();
                    view.put("I:" + id, Long.toString(item.get("tickedBy").asLong()));
                    view.put("IP:" + id, Long.toString(item.get("inProgressBy").asLong()));
                    view.put("IS:" + id, Long.toString(item.get("skippedBy").asLong()));
                }
            }
        }
        return view;
    }

    /** The fold's cohort as {@link #cohortView(JsonNode)} reads an answer. */
    static Map<String, String> cohortView(CohortState cohort, ChecklistVersionPublished checklist) {
        Map<String, String> view = new TreeMap<>();
        Map<String, String> fields = cohort.aggregates();
        view.put("checklist", fields.get("cv"));
        standing(view, "T", fields);
        for (var level : checklist.levels()) {
            standing(view, "L:" + level.id(), fields);
            for (var category : level.categories()) {
                standing(view, "C:" + category.id(), fields);
                for (var item : category.items()) {
                    for (String field : new String[] {"I:", "IP:", "IS:"}) {
                        view.put(field + item.id(), fields.getOrDefault(field + item.id(), "0"));
                    }
                }
            }
        }
        return view;
    }

    private static void standing(Map<String, String> view, String part, JsonNode standing) {
        view.put(part + " learners", Long.toString(standing.get("learners").asLong()));
        view.put(part + " finished", Long.toString(standing.get("finished").asLong()));
        view.put(part + " average", Double.toString(standing.get("averagePercent").asDouble()));
        view.put(part + " histogram", standing.get("histogram").toString().replace(" ", ""));
    }

    /** The average in percent with two decimals, from the sum of basis points, as the API defines it. */
    private static void standing(Map<String, String> view, String part, Map<String, String> fields) {
        long learners = Long.parseLong(fields.getOrDefault(part + ":learners", "0"));
        long sum = Long.parseLong(fields.getOrDefault(part + ":sum", "0"));
        view.put(part + " learners", Long.toString(learners));
        view.put(part + " finished", fields.getOrDefault(part + ":finished", "0"));
        view.put(part + " average", Double.toString(learners == 0 ? 0 : Math.round(sum / (double) learners) / 100.0));
        var histogram = new StringBuilder("[");
        for (int bucket = 0; bucket < 10; bucket++) {
            histogram.append(bucket == 0 ? "" : ",").append(fields.getOrDefault(part + ":b" + bucket, "0"));
        }
        view.put(part + " histogram", histogram.append(']').toString());
    }

    private static boolean isNull(JsonNode node) {
        return node == null || node.isNull();
    }

    private static long millis(JsonNode time) {
        return time.isNumber() ? Math.round(time.asDouble() * 1000) : Instant.parse(time.asString()).toEpochMilli();
    }
}
