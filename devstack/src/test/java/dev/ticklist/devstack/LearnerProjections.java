package dev.ticklist.devstack;

import dev.ticklist.devstack.ActivityFold.LearnerState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;

/**
 * One organisation's learner projections as progress-service keeps them in Redis, read the way
 * the exactness tests need them. The only test class that knows the key layout (its source is
 * progress-service's {@code LearnerKeys} and scripts): when that changes, change it here.
 */
final class LearnerProjections implements AutoCloseable {

    private static final String CHECKLIST_FINISHED_FIELD = "*checklist.finishedAt";

    private final Jedis redis;
    private final String organisationId;
    private final String checklist;
    private final List<String> levelIds;

    /** @param checklist the learners' checklist as keys name it: {@code id@version} */
    LearnerProjections(String host, int port, String organisationId, String checklist, List<String> levelIds) {
        this.redis = new Jedis(host, port);
        this.organisationId = organisationId;
        this.checklist = checklist;
        this.levelIds = List.copyOf(levelIds);
    }

    /** Where every key of a learner's projection starts; {@code *} for a learner gives the pattern of all. */
    private String prefix(String learnerId) {
        return "progress:1:{" + organisationId + "/" + learnerId + "}:";
    }

    /** The learner's projection in the fold's terms. */
    LearnerState stateOf(String learnerId) {
        String prefix = prefix(learnerId) + checklist;
        Map<String, Long> tickTimes = new TreeMap<>();
        redis.hgetAll(prefix + ":items").forEach((item, time) -> tickTimes.put(item, Long.parseLong(time)));
        Map<String, String> levelFields = redis.hgetAll(prefix + ":levels");
        Map<String, Integer> tickedByLevel = new TreeMap<>();
        Map<String, Long> finishedAt = new TreeMap<>();
        for (String level : levelIds) {
            tickedByLevel.put(level, Integer.parseInt(levelFields.getOrDefault(level + ".ticked", "0")));
            if (levelFields.containsKey(level + ".finishedAt")) {
                finishedAt.put(level, Long.parseLong(levelFields.get(level + ".finishedAt")));
            }
        }
        String checklistFinished = levelFields.get(CHECKLIST_FINISHED_FIELD);
        return new LearnerState(tickTimes, tickedByLevel, finishedAt,
                checklistFinished == null ? null : Long.parseLong(checklistFinished));
    }

    /**
     * Each learner's idempotence marker: the offset of the last learner-activity record applied
     * to their projection, or -1 when none was.
     */
    Map<String, Long> appliedOffsets(Collection<String> learnerIds) {
        var replies = new LinkedHashMap<String, Response<String>>();
        try (var pipeline = redis.pipelined()) {
            learnerIds.forEach(learner -> replies.put(learner, pipeline.get(prefix(learner) + "applied")));
            pipeline.sync();
        }
        var offsets = new LinkedHashMap<String, Long>();
        replies.forEach((learner, reply) -> offsets.put(learner, reply.get() == null ? -1 : Long.parseLong(reply.get())));
        return offsets;
    }

    /** Every projection key of the organisation with its contents; markers and outboxes left out. */
    Map<String, Object> snapshot() {
        Map<String, Object> contents = new TreeMap<>();
        for (String key : keys()) {
            if (key.endsWith(":applied") || key.endsWith(":outbox")) {
                continue;
            }
            contents.put(key, switch (redis.type(key)) {
                case "hash" -> new TreeMap<>(redis.hgetAll(key));
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

    /** Deletes this organisation's learner keys only: other tests share this Redis. */
    void wipe() {
        List<String> keys = keys();
        if (!keys.isEmpty()) {
            redis.del(keys.toArray(String[]::new));
        }
    }

    List<String> keys() {
        var keys = new ArrayList<String>();
        var params = new ScanParams().match(prefix("*") + "*").count(1000);
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
