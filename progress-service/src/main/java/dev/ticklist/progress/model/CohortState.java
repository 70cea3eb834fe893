package dev.ticklist.progress.model;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One cohort's projection as the model folds it: its aggregates (numbers per level, category,
 * item and overall; thresholds reached), the version its view follows, the rows of the learners
 * a batch touched, and what changed since the last flush.
 */
public final class CohortState {

    private final String organisationId;
    private final String cohortId;
    private long applied;
    private long flushedApplied;
    private String version;
    private final Map<String, Long> aggregates = new HashMap<>();
    private final Map<String, CohortRow> rows = new HashMap<>();
    private final Set<String> changedAggregates = new LinkedHashSet<>();
    private final Set<String> changedRows = new LinkedHashSet<>();
    private final Map<Long, Integer> newTicksPerDay = new TreeMap<>();
    private boolean versionChanged;

    /** @param applied the offset of the last cohort-stream record applied, -1 for none */
    public CohortState(String organisationId, String cohortId, long applied) {
        this.organisationId = organisationId;
        this.cohortId = cohortId;
        this.applied = applied;
        this.flushedApplied = applied;
    }

    /** Adds the aggregates as stored ({@code cv} is the version; every other field a number). */
    public void loadAggregates(Map<String, String> stored) {
        stored.forEach((field, value) -> {
            if (field.equals("cv")) {
                version = value;
            } else {
                aggregates.put(field, Long.parseLong(value));
            }
        });
    }

    public void loadRow(String learnerId, CohortRow row) {
        rows.put(learnerId, row);
    }

    public boolean hasRow(String learnerId) {
        return rows.containsKey(learnerId);
    }

    public String organisationId() {
        return organisationId;
    }

    public String cohortId() {
        return cohortId;
    }

    public long applied() {
        return applied;
    }

    public long flushedApplied() {
        return flushedApplied;
    }

    void applied(long offset) {
        applied = offset;
    }

    /** The version the cohort's view follows, or null before anyone joined. */
    public String version() {
        return version;
    }

    void version(String checklistKey) {
        if (!checklistKey.equals(version)) {
            version = checklistKey;
            versionChanged = true;
        }
    }

    public long number(String field) {
        return aggregates.getOrDefault(field, 0L);
    }

    public Map<String, Long> aggregates() {
        return aggregates;
    }

    void add(String field, long by) {
        if (by != 0) {
            aggregates.merge(field, by, Long::sum);
            changedAggregates.add(field);
        }
    }

    void set(String field, Long value) {
        if (value == null) {
            if (aggregates.remove(field) != null) {
                changedAggregates.add(field);
            }
        } else if (!value.equals(aggregates.put(field, value))) {
            changedAggregates.add(field);
        }
    }

    CohortRow row(String learnerId) {
        return rows.computeIfAbsent(learnerId, id -> CohortRow.empty());
    }

    public CohortRow storedRow(String learnerId) {
        return rows.get(learnerId);
    }

    void rowChanged(String learnerId) {
        changedRows.add(learnerId);
    }

    void countTicks(long epochDay, int ticks) {
        newTicksPerDay.merge(epochDay, ticks, Integer::sum);
    }

    /** Aggregate fields changed since the last flush: present in {@link #aggregates()} means set, else removed. */
    public Set<String> changedAggregates() {
        return changedAggregates;
    }

    /** Learners whose rows changed since the last flush, in order of change. */
    public Set<String> changedRows() {
        return changedRows;
    }

    public Map<Long, Integer> newTicksPerDay() {
        return newTicksPerDay;
    }

    public boolean versionChanged() {
        return versionChanged;
    }

    public boolean isDirty() {
        return applied != flushedApplied;
    }

    public int rowCount() {
        return rows.size();
    }

    public void flushed() {
        changedRows.forEach(learner -> rows.get(learner).flushed());
        flushedApplied = applied;
        changedAggregates.clear();
        changedRows.clear();
        newTicksPerDay.clear();
        versionChanged = false;
    }

    /** Every stored field of the rows touched, by learner: for tests and the write. */
    public Map<String, Map<String, String>> rowFields() {
        var fields = new LinkedHashMap<String, Map<String, String>>();
        rows.forEach((learner, row) -> fields.put(learner, row.fields()));
        return fields;
    }
}
