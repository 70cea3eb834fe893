package dev.ticklist.progress.cohort;

import dev.ticklist.progress.model.CohortState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cohorts' states kept between batches, bounded by the number of learners' rows held: past the
 * bound, the least recently used cohorts are dropped whole and read again when touched. A state
 * is never changed here — another listener thread may be folding it. Only a cache: every write
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
        var eldest = states.entrySet().iterator();
        while (rows > maxRows && eldest.hasNext()) {
            rows -= eldest.next().getValue().rowCount();
            eldest.remove();
        }
    }

    public synchronized void clear() {
        states.clear();
    }
}
