package dev.ticklist.devstack;

import dev.ticklist.devstack.ActivityFold.CohortState;
import dev.ticklist.devstack.ActivityFold.LearnerState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;

/**
 * One organisation's projections in one generation, as progress-service keeps them in Redis,
 * read the way the exactness tests need them. The only test class that knows the key layout (its
 * source is progress-service's {@code LearnerKeys}, {@code CohortKeys}, {@code ProjectionGenerations},
 * {@code ProjectionMarkers} and scripts, and docs/progress.md): when that changes, change it here.
 */
final class RedisProjections implements AutoCloseable {

    private static final String CHECKLIST_FINISHED_FIELD = "*checklist.finishedAt";
    private static final String SERVING_GENERATION = "progress:serving-generation";

    private final Jedis redis;
    private final String generation;
    private final String organisationId;
    private final String checklist;
    private final Map<String, List<String>> itemsByLevel;

    /**
     * @param checklist    the learners' checklist as keys name it: {@code id@version}
     * @param itemsByLevel its levels' ids, each with its items' ids
     */
    RedisProjections(String host, int port, String generation, String organisationId, String checklist,
                     Map<String, List<String>> itemsByLevel) {
        this.redis = new Jedis(host, port);
        this.generation = generation;
        this.organisationId = organisationId;
        this.checklist = checklist;
        this.itemsByLevel = Map.copyOf(itemsByLevel);
    }

    String generation() {
        return generation;
    }

    /** Where every key of a learner's projection starts; {@code *} for a learner gives the pattern of all. */
    private String learnerPrefix(String learnerId) {
        return "progress:" + generation + ":{" + organisationId + "/" + learnerId + "}:";
    }

    /** Where every key of a cohort's projection starts; {@code *} for a cohort gives the pattern of all. */
    private String cohortPrefix(String cohortId) {
        return "cohort:" + generation + ":{" + organisationId + "/" + cohortId + "}:";
    }

    /** The learner's projection in the fold's terms. */
    LearnerState stateOf(String learnerId) {
        String prefix = learnerPrefix(learnerId) + checklist;
        Map<String, Long> tickTimes = new TreeMap<>();
        redis.hgetAll(prefix + ":items").forEach((item, time) -> tickTimes.put(item, Long.parseLong(time)));
        Map<String, String> states = new TreeMap<>(redis.hgetAll(prefix + ":states"));
        Map<String, String> levelFields = redis.hgetAll(prefix + ":levels");
        Map<String, Integer> tickedByLevel = new TreeMap<>();
        Map<String, Integer> skippedByLevel = new TreeMap<>();
        Map<String, Integer> inProgressByLevel = new TreeMap<>();
        Map<String, Long> finishedAt = new TreeMap<>();
        itemsByLevel.forEach((level, items) -> {
            tickedByLevel.put(level, Integer.parseInt(levelFields.getOrDefault(level + ".ticked", "0")));
            skippedByLevel.put(level, Integer.parseInt(levelFields.getOrDefault(level + ".skipped", "0")));
            // Not stored: counted from the states hash when read, as the service's view counts it.
            inProgressByLevel.put(level, (int) items.stream().filter(item -> ActivityFold.STARTED.equals(states.get(item)))
                    .count());
            if (levelFields.containsKey(level + ".finishedAt")) {
                finishedAt.put(level, Long.parseLong(levelFields.get(level + ".finishedAt")));
            }
        });
        String checklistFinished = levelFields.get(CHECKLIST_FINISHED_FIELD);
        return new LearnerState(tickTimes, states, tickedByLevel, skippedByLevel, inProgressByLevel, finishedAt,
                checklistFinished == null ? null : Long.parseLong(checklistFinished));
    }

    /** The cohort's aggregates (without zero fields), ranking and members' rows, in the fold's terms. */
    CohortState cohortOf(String cohortId) {
        var stored = new TreeMap<>(redis.hgetAll(cohortPrefix(cohortId) + "aggregates"));
        // How often a threshold was reached is history (it names the milestone), not a fold of the final state.
        stored.keySet().removeIf(field -> field.startsWith("RN:"));
        var aggregates = CohortState.withoutZeros(stored);
        Map<String, Long> ranking = new TreeMap<>();
        redis.zrangeWithScores(cohortPrefix(cohortId) + "ranking", 0, -1)
                .forEach(entry -> ranking.put(entry.getElement(), (long) entry.getScore()));
        Map<String, Map<String, String>> rows = new TreeMap<>();
        String rowPrefix = cohortPrefix(cohortId) + "learner:";
        for (String key : scan(rowPrefix + "*")) {
            var row = new TreeMap<>(redis.hgetAll(key));
            // The sequence of the last change applied is history, as the offsets are.
            row.remove("seq");
            rows.put(key.substring(rowPrefix.length()), CohortState.withoutZeros(row));
        }
        return new CohortState(aggregates, ranking, rows);
    }

    /**
     * Each learner's idempotence marker: the offset of the last learner-activity record applied
     * to their projection, or -1 when none was.
     */
    Map<String, Long> appliedOffsets(Collection<String> learnerIds) {
        var replies = new LinkedHashMap<String, Response<String>>();
        try (var pipeline = redis.pipelined()) {
            learnerIds.forEach(learner -> replies.put(learner, pipeline.get(learnerPrefix(learner) + "applied")));
            pipeline.sync();
        }
        var offsets = new LinkedHashMap<String, Long>();
        replies.forEach((learner, reply) -> offsets.put(learner, reply.get() == null ? -1 : Long.parseLong(reply.get())));
        return offsets;
    }

    /** Events the learners' projections caused (milestones, cohort changes) not yet acknowledged by the broker. */
    long pendingInOutboxes(Collection<String> learnerIds) {
        var replies = new ArrayList<Response<Long>>();
        try (var pipeline = redis.pipelined()) {
            learnerIds.forEach(learner -> replies.add(pipeline.llen(learnerPrefix(learner) + "outbox")));
            pipeline.sync();
        }
        return replies.stream().mapToLong(Response::get).sum();
    }

    /**
     * Every projection key of the organisation (learners and cohorts) with its contents; markers
     * and outboxes left out, and hash fields that are zero (absent and {@code "0"} mean the same).
     */
    Map<String, Object> snapshot() {
        Map<String, Object> contents = new TreeMap<>();
        for (String key : keys()) {
            if (key.endsWith(":applied") || key.endsWith(":outbox")) {
                continue;
            }
            contents.put(key, switch (redis.type(key)) {
                case "hash" -> CohortState.withoutZeros(redis.hgetAll(key));
                case "list" -> redis.lrange(key, 0, -1);
                case "set" -> new TreeSet<>(redis.smembers(key));
                case "zset" -> redis.zrangeWithScores(key, 0, -1).stream()
                        .map(entry -> entry.getElement() + "=" + entry.getScore()).toList();
                case "string" -> redis.get(key);
                default -> "(" + redis.type(key) + ")";
            });
        }
        return contents;
    }

    /** Deletes this organisation's keys of this generation only: other tests share this Redis. */
    void wipe() {
        delete(keys());
    }

    /**
     * What Redis losing its data looks like to progress-service, limited to what this test owns:
     * in one step (as a FLUSHALL or a restart without persistence would), this organisation's
     * keys of this generation and every partition's marker of the generation go.
     */
    void loseOrganisationAndPartitionMarkers() {
        var keys = keys();
        keys.addAll(scan("progress:" + generation + ":partition:*"));
        delete(keys);
    }

    /**
     * The partitions ({@code topic-partition}) this generation marked as applied from their
     * beginning; {@link #loseOrganisationAndPartitionMarkers} removes the marks.
     */
    Set<String> markedPartitions() {
        String prefix = "progress:" + generation + ":partition:";
        return scan(prefix + "*").stream().map(key -> key.substring(prefix.length())).collect(Collectors.toSet());
    }

    List<String> keys() {
        var keys = scan(learnerPrefix("*") + "*");
        keys.addAll(scan(cohortPrefix("*") + "*"));
        return keys;
    }

    /** The generation queries read; absent before any rebuild took over. */
    String servingGeneration() {
        return redis.get(SERVING_GENERATION);
    }

    /** Puts back what {@link #servingGeneration()} returned: later tests read the generation they build. */
    void restoreServingGeneration(String servingGeneration) {
        if (servingGeneration == null) {
            redis.del(SERVING_GENERATION);
        } else {
            redis.set(SERVING_GENERATION, servingGeneration);
        }
    }

    private void delete(List<String> keys) {
        if (!keys.isEmpty()) {
            redis.del(keys.toArray(String[]::new));
        }
    }

    private List<String> scan(String pattern) {
        var keys = new ArrayList<String>();
        var params = new ScanParams().match(pattern).count(1000);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            var page = redis.scan(cursor, params);
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }

    @Override
    public void close() {
        redis.close();
    }
}
