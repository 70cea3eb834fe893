package dev.ticklist.progress.cohort;

import dev.ticklist.progress.model.CohortRow;
import dev.ticklist.progress.model.CohortState;
import dev.ticklist.progress.redis.KeyStore;
import dev.ticklist.progress.redis.KeyWrite;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Cohorts' state in Redis: aggregates and the rows a batch touches, read on first touch in one
 * pipeline; written once per flush per cohort with its marker and outbox, atomically on the
 * cohort's slot.
 */
public class CohortStore {

    private final StringRedisTemplate redis;
    private final KeyStore store;
    private final String generation;

    public CohortStore(StringRedisTemplate redis, KeyStore store, String generation) {
        this.redis = redis;
        this.store = store;
        this.generation = generation;
    }

    /** @param state the cohort's state in hand, or null to read it; {@code learners} the rows it lacks */
    public record Wanted(String organisationId, String cohortId, CohortState state, Set<String> learners) {
    }

    /** A cohort's state as read, with what its outbox still held (empty when the state was in hand). */
    public record Loaded(CohortState state, List<String> leftovers) {
    }

    @SuppressWarnings("unchecked")
    public List<Loaded> read(List<Wanted> wanted) {
        List<Object> replies = redis.executePipelined((RedisCallback<Object>) connection -> {
            for (Wanted one : wanted) {
                var keys = keys(one.organisationId(), one.cohortId());
                if (one.state() == null) {
                    connection.stringCommands().get(bytes(keys.applied()));
                    connection.hashCommands().hGetAll(bytes(keys.aggregates()));
                    connection.listCommands().lRange(bytes(keys.outbox()), 0, -1);
                }
                one.learners().forEach(learner -> connection.hashCommands().hGetAll(bytes(keys.learner(learner))));
            }
            return null;
        });
        var loaded = new ArrayList<Loaded>(wanted.size());
        int at = 0;
        for (Wanted one : wanted) {
            CohortState state = one.state();
            List<String> leftovers = List.of();
            if (state == null) {
                String applied = (String) replies.get(at++);
                state = new CohortState(one.organisationId(), one.cohortId(),
                        applied == null ? -1 : Long.parseLong(applied));
                state.loadAggregates(orEmpty((Map<String, String>) replies.get(at++)));
                leftovers = replies.get(at) == null ? List.of() : (List<String>) replies.get(at);
                at++;
            }
            for (String learner : one.learners()) {
                state.loadRow(learner, CohortRow.of(orEmpty((Map<String, String>) replies.get(at++))));
            }
            loaded.add(new Loaded(state, leftovers));
        }
        return loaded;
    }

    public KeyWrite writeOf(CohortState state, List<String> outboxEntries) {
        var keys = keys(state.organisationId(), state.cohortId());
        var write = new KeyWrite(keys.applied(), keys.outbox(), state.flushedApplied(), state.applied());
        for (String field : state.changedAggregates()) {
            Long value = state.aggregates().get(field);
            if (value == null) {
                write.hdel(keys.aggregates(), field);
            } else {
                write.hset(keys.aggregates(), field, value.toString());
            }
        }
        if (state.versionChanged()) {
            write.hset(keys.aggregates(), "cv", state.version());
        }
        for (String learner : state.changedRows()) {
            CohortRow row = state.storedRow(learner);
            if (row.isRewritten()) {
                write.del(keys.learner(learner)).hset(keys.learner(learner), row.fields());
            } else {
                // A tick or untick changes a handful of fields of a row of a hundred.
                row.changedFields().forEach((field, value) -> {
                    if (value == null) {
                        write.hdel(keys.learner(learner), field);
                    } else {
                        write.hset(keys.learner(learner), field, value);
                    }
                });
            }
            if (row.isCounted()) {
                write.zadd(keys.ranking(), learner, row.score());
            } else {
                write.zrem(keys.ranking(), learner);
            }
        }
        state.newTicksPerDay().forEach((day, ticks) -> write.hincrby(keys.days(), day.toString(), ticks));
        write.toOutbox(outboxEntries);
        return write;
    }

    public List<KeyStore.Result> store(List<KeyWrite> writes) {
        return store.store(writes);
    }

    public String outboxOf(CohortState state) {
        return keys(state.organisationId(), state.cohortId()).outbox();
    }

    private CohortKeys keys(String organisationId, String cohortId) {
        return new CohortKeys(generation, organisationId, cohortId);
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
