package dev.ticklist.progress.learner;

import dev.ticklist.progress.model.ChecklistVersions;
import dev.ticklist.progress.model.Evidence;
import dev.ticklist.progress.model.ItemState;
import dev.ticklist.progress.model.LearnerState;
import dev.ticklist.progress.model.VersionProgress;
import dev.ticklist.progress.redis.KeyStore;
import dev.ticklist.progress.redis.KeyWrite;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Learners' state in Redis: read on first touch, all of a batch in one pipeline; written once
 * per flush per learner, with the learner's marker and outbox, atomically on the learner's slot.
 */
public class LearnerStore {

    private final StringRedisTemplate redis;
    private final KeyStore store;
    private final String generation;
    private final ChecklistVersions checklists;

    public LearnerStore(StringRedisTemplate redis, KeyStore store, String generation, ChecklistVersions checklists) {
        this.redis = redis;
        this.store = store;
        this.generation = generation;
        this.checklists = checklists;
    }

    /**
     * What a batch needs read of one learner.
     *
     * @param state    the learner's state in hand, or null to read it
     * @param versions the versions the batch names that the state lacks
     */
    public record Wanted(String organisationId, String learnerId, LearnerState state, Set<String> versions) {
    }

    /**
     * A learner's state as read, with the entries its outbox still held (events a crash kept from
     * being published; empty when the state was in hand).
     */
    public record Loaded(LearnerState state, List<String> leftovers) {
    }

    /** Reads what is wanted; returns each learner's state, completed, in the order asked. */
    public List<Loaded> read(List<Wanted> wanted) {
        List<Object> replies = redis.executePipelined((RedisCallback<Object>) connection -> {
            for (Wanted one : wanted) {
                var keys = keys(one.organisationId(), one.learnerId());
                if (one.state() == null) {
                    connection.stringCommands().get(bytes(keys.applied()));
                    hgetall(connection, keys.cohorts());
                    hgetall(connection, keys.checklists());
                    hgetall(connection, keys.cohortsLeft());
                    connection.listCommands().lRange(bytes(keys.outbox()), 0, -1);
                }
                for (String version : one.versions()) {
                    hgetall(connection, keys.items(version));
                    hgetall(connection, keys.levels(version));
                    hgetall(connection, keys.evidence(version));
                    hgetall(connection, keys.states(version));
                }
            }
            return null;
        });
        var loaded = new ArrayList<Loaded>(wanted.size());
        int at = 0;
        for (Wanted one : wanted) {
            LearnerState state = one.state();
            List<String> leftovers = List.of();
            if (state == null) {
                String applied = (String) replies.get(at++);
                Map<String, String> cohorts = map(replies.get(at++));
                Map<String, String> checklists = map(replies.get(at++));
                Map<String, String> left = map(replies.get(at++));
                leftovers = list(replies.get(at++));
                state = new LearnerState(one.organisationId(), one.learnerId(),
                        applied == null ? -1 : Long.parseLong(applied));
                state.loadMemberships(cohorts.isEmpty() ? membershipsOf(checklists) : cohorts, left.keySet());
            }
            for (String version : one.versions()) {
                Map<String, String> items = map(replies.get(at++));
                Map<String, String> levels = map(replies.get(at++));
                Map<String, String> evidence = map(replies.get(at++));
                Map<String, String> states = map(replies.get(at++));
                state.load(version, VersionProgress.of(checklists.of(version), numbers(items), numbers(levels),
                        evidence, states));
            }
            loaded.add(new Loaded(state, leftovers));
        }
        return loaded;
    }

    /** The write of a learner's changes since the last flush, with the entries for its outbox. */
    public KeyWrite writeOf(LearnerState state, List<String> outboxEntries) {
        var keys = keys(state.organisationId(), state.learnerId());
        var write = new KeyWrite(keys.applied(), keys.outbox(), state.flushedApplied(), state.applied());
        state.versions().forEach((version, progress) -> {
            writeChanged(write, keys.items(version), progress.changedItems(), item -> {
                Long time = progress.tickedAt(item);
                return time == null ? null : time.toString();
            });
            writeChanged(write, keys.evidence(version), progress.changedEvidence(), item -> {
                Evidence evidence = progress.evidence(item);
                return evidence == null ? null : evidence.encoded();
            });
            writeChanged(write, keys.states(version), progress.changedStates(), item -> {
                ItemState now = progress.state(item);
                return now.isSkipped() || now.kind() == ItemState.Kind.IN_PROGRESS ? now.encoded() : null;
            });
            Map<String, Long> levelFields = progress.levelFields();
            writeChanged(write, keys.levels(version), progress.changedLevelFields(), field -> {
                Long value = levelFields.get(field);
                return value == null ? null : value.toString();
            });
        });
        if (state.membershipsChanged()) {
            write.del(keys.cohorts()).hset(keys.cohorts(), state.memberships());
            write.del(keys.checklists()).hset(keys.checklists(), state.cohortsPerVersion());
        }
        for (String cohort : state.changedLeft()) {
            if (state.left().contains(cohort)) {
                write.hset(keys.cohortsLeft(), cohort, "1");
            } else {
                write.hdel(keys.cohortsLeft(), cohort);
            }
        }
        write.rpush(keys.timeline(), state.newTimeline());
        state.newTicksPerDay().forEach((day, ticks) -> write.hincrby(keys.days(), day.toString(), ticks));
        write.toOutbox(outboxEntries);
        return write;
    }

    /** Each changed field of a hash set to its value now, or removed where it has none. */
    private static void writeChanged(KeyWrite write, String key, Set<String> changed,
                                     Function<String, String> valueNow) {
        for (String field : changed) {
            String value = valueNow.apply(field);
            if (value == null) {
                write.hdel(key, field);
            } else {
                write.hset(key, field, value);
            }
        }
    }

    public List<KeyStore.Result> store(List<KeyWrite> writes) {
        return store.store(writes);
    }

    /** The learner's outbox: the stream its events belong to is named by its hash tag. */
    public String outboxOf(LearnerState state) {
        return keys(state.organisationId(), state.learnerId()).outbox();
    }

    private LearnerKeys keys(String organisationId, String learnerId) {
        return new LearnerKeys(generation, organisationId, learnerId);
    }

    /** Projections written before memberships had a key of their own hold one cohort per version. */
    private static Map<String, String> membershipsOf(Map<String, String> checklists) {
        var memberships = new HashMap<String, String>();
        checklists.forEach((version, cohorts) -> {
            for (String cohort : cohorts.split(",")) {
                memberships.put(cohort, version);
            }
        });
        return memberships;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> map(Object reply) {
        return reply == null ? Map.of() : (Map<String, String>) reply;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object reply) {
        return reply == null ? List.of() : (List<String>) reply;
    }

    private static Map<String, Long> numbers(Map<String, String> stored) {
        var numbers = new HashMap<String, Long>(stored.size() * 2);
        stored.forEach((field, value) -> numbers.put(field, Long.parseLong(value)));
        return numbers;
    }

    private static void hgetall(RedisConnection connection, String key) {
        connection.hashCommands().hGetAll(bytes(key));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
