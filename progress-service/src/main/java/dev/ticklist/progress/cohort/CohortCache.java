package dev.ticklist.progress.cohort;

import dev.ticklist.progress.model.CohortState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cohorts' states kept between batches, bounded by the number of learners' rows held: past the
 * bound, rows no flush needs are dropped and read again when touched. Only a cache: every write
 * checks the cohort's marker.
 */
public class CohortCache {

    private final Map<String, CohortState> states = new LinkedHashMap<>(16, 0.75f, true);
    private final int maxRows;

    public CohortCache(int maxRows) {
        this.maxRows = maxRows;
    }

    public synchronized CohortState get(String cohort) {
        return states.get(cohort);
    }

    public synchronized void put(String cohort, CohortState state) {
        states.put(cohort, state);
    }

    public synchronized void evict(String cohort) {
        states.remove(cohort);
    }

    /** After a flush: keeps the rows held under the bound. */
    public synchronized void trim() {
        int rows = states.values().stream().mapToInt(CohortState::rowCount).sum();
        if (rows > maxRows) {
            states.values().forEach(CohortState::forgetRows);
        }
        while (states.size() > maxRows / 10 + 1) {
            states.remove(states.keySet().iterator().next());
        }
    }

    public synchronized void clear() {
        states.clear();
    }
}
