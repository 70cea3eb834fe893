package dev.ticklist.progress.learner;

import dev.ticklist.progress.model.LearnerState;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Learners' states kept between batches, bounded, least recently used out: a learner read from
 * Redis once is folded in memory from then on. Only a cache: every write checks the learner's
 * marker, so a state that another instance or a Redis loss made stale is refused and read again.
 */
public class LearnerCache {

    private record Cached(int partition, LearnerState state) {
    }

    private final Map<String, Cached> states;

    public LearnerCache(int capacity) {
        this.states = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized LearnerState get(String learner) {
        Cached entry = states.get(learner);
        return entry == null ? null : entry.state();
    }

    public synchronized void put(String learner, int partition, LearnerState state) {
        states.put(learner, new Cached(partition, state));
    }

    public synchronized void evict(String learner) {
        states.remove(learner);
    }

    /** Forgets the learners of partitions this instance no longer owns, or whose projections Redis lost. */
    public synchronized void evictPartitions(Collection<Integer> partitions) {
        states.values().removeIf(entry -> partitions.contains(entry.partition()));
    }

    public synchronized void clear() {
        states.clear();
    }
}
