package dev.ticklist.progress.model;

import dev.ticklist.progress.catalog.ChecklistStructure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One learner's progress as the model folds it: the cohorts they are in and on which checklist
 * version, the cohorts they left, their progress per version, and what changed since the last
 * flush (new timeline entries, ticks per day, memberships), so a flush writes only that.
 */
public final class LearnerState {

    private final String organisationId;
    private final String learnerId;
    private long applied;
    private long flushedApplied;
    private final Map<String, String> memberships = new TreeMap<>();
    private final Set<String> left = new LinkedHashSet<>();
    private final Map<String, VersionProgress> versions = new HashMap<>();
    private final List<String> newTimeline = new ArrayList<>();
    private final Map<Long, Integer> newTicksPerDay = new TreeMap<>();
    private final Set<String> changedLeft = new LinkedHashSet<>();
    private boolean membershipsChanged;

    /** @param applied the offset of the last event applied, -1 for none */
    public LearnerState(String organisationId, String learnerId, long applied) {
        this.organisationId = organisationId;
        this.learnerId = learnerId;
        this.applied = applied;
        this.flushedApplied = applied;
    }

    /** A learner with nothing applied yet. */
    public static LearnerState empty(String organisationId, String learnerId) {
        return new LearnerState(organisationId, learnerId, -1);
    }

    public String organisationId() {
        return organisationId;
    }

    public String learnerId() {
        return learnerId;
    }

    public long applied() {
        return applied;
    }

    /** The applied offset as last stored: what a flush expects to find. */
    public long flushedApplied() {
        return flushedApplied;
    }

    /** Cohort to {@code checklist@version}, for the cohorts the learner is in. */
    public Map<String, String> memberships() {
        return memberships;
    }

    public Set<String> left() {
        return left;
    }

    public boolean hasVersion(String checklistKey) {
        return versions.containsKey(checklistKey);
    }

    public Map<String, VersionProgress> versions() {
        return versions;
    }

    /** The learner's progress on a version; empty if they have none there yet. */
    public VersionProgress version(String checklistKey, ChecklistStructure structure) {
        return versions.computeIfAbsent(checklistKey, key -> VersionProgress.empty(structure));
    }

    /** The learner's progress on a version they have some on; null if none. */
    public VersionProgress version(String checklistKey) {
        return versions.get(checklistKey);
    }

    /** Adds a version's progress as stored. */
    public void load(String checklistKey, VersionProgress progress) {
        versions.put(checklistKey, progress);
    }

    /** Sets memberships and cohorts left as stored. */
    public void loadMemberships(Map<String, String> stored, Set<String> storedLeft) {
        memberships.putAll(stored);
        left.addAll(storedLeft);
    }

    /** {@code checklist@version} to the cohorts the learner is in on it, comma-separated, in order. */
    public Map<String, String> cohortsPerVersion() {
        var cohorts = new TreeMap<String, String>();
        memberships.forEach((cohort, version) -> cohorts.merge(version, cohort, (a, b) -> a + "," + b));
        return cohorts;
    }

    void applied(long offset) {
        applied = offset;
    }

    void join(String cohortId, String checklistKey) {
        memberships.put(cohortId, checklistKey);
        if (left.remove(cohortId)) {
            changedLeft.add(cohortId);
        }
        membershipsChanged = true;
    }

    void leave(String cohortId) {
        memberships.remove(cohortId);
        if (left.add(cohortId)) {
            changedLeft.add(cohortId);
        }
        membershipsChanged = true;
    }

    void record(String timelineEntry) {
        newTimeline.add(timelineEntry);
    }

    void countTick(long epochDay) {
        newTicksPerDay.merge(epochDay, 1, Integer::sum);
    }

    public List<String> newTimeline() {
        return newTimeline;
    }

    public Map<Long, Integer> newTicksPerDay() {
        return newTicksPerDay;
    }

    /** Cohorts joined again or left since the last flush: in {@link #left()} means set, else removed. */
    public Set<String> changedLeft() {
        return changedLeft;
    }

    public boolean membershipsChanged() {
        return membershipsChanged;
    }

    /** Whether anything is to be written. */
    public boolean isDirty() {
        return applied != flushedApplied;
    }

    /** The changes were stored: forget them. */
    public void flushed() {
        flushedApplied = applied;
        newTimeline.clear();
        newTicksPerDay.clear();
        changedLeft.clear();
        membershipsChanged = false;
        versions.values().forEach(VersionProgress::flushed);
    }
}
