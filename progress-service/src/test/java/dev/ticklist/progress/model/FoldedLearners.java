package dev.ticklist.progress.model;

import static dev.ticklist.progress.model.Checklists.ORG;
import static dev.ticklist.progress.model.Checklists.VERSIONS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Folds a stream of several learners' events through {@link LearnerModel} as the listener would,
 * in chunks, and collects what came out: the states as stored, each learner's timeline and ticks
 * per day over all flushes, the milestones and the member changes in order.
 */
final class FoldedLearners {

    /** A member change, with the index of the event in the stream that caused it. */
    record Change(int step, String learner, MemberChange change) {
    }

    /** A learner's state as it is stored: what survives a reload. */
    record Stored(Map<String, String> memberships, Set<String> left, Map<String, Map<String, Long>> ticked,
                  Map<String, Map<String, Long>> levelFields, Map<String, Map<String, String>> states) {
    }

    final Map<String, LearnerState> states = new TreeMap<>();
    final Map<String, List<String>> timelines = new TreeMap<>();
    final Map<String, Map<Long, Integer>> ticksPerDay = new TreeMap<>();
    final List<CausedMilestone> milestones = new ArrayList<>();
    final List<Change> changes = new ArrayList<>();

    List<String> milestoneIds() {
        return milestones.stream().map(CausedMilestone::id).toList();
    }

    static FoldedLearners atOnce(List<LearnerActivity> stream) {
        var fold = new FoldedLearners();
        for (int step = 0; step < stream.size(); step++) {
            fold.apply(step, stream.get(step));
        }
        fold.flush(false);
        return fold;
    }

    /**
     * Folds chunk after chunk, storing and reloading every state after each; before each chunk
     * but the first, the events just before it are delivered again (as many as {@code redelivered}
     * says, in turn).
     */
    static FoldedLearners inChunks(List<LearnerActivity> stream, List<Integer> chunkSizes, List<Integer> redelivered) {
        var fold = new FoldedLearners();
        var chunks = chunks(stream.size(), chunkSizes);
        for (int chunk = 0; chunk < chunks.size(); chunk++) {
            int start = chunks.get(chunk)[0];
            int again = chunk == 0 ? 0 : Math.min(start, redelivered.get(chunk % redelivered.size()));
            for (int step = start - again; step < chunks.get(chunk)[1]; step++) {
                fold.apply(step, stream.get(step));
            }
            fold.flush(true);
        }
        return fold;
    }

    /** {@code [start, end)} of each chunk of {@code n} steps, the sizes used in turn. */
    static List<int[]> chunks(int n, List<Integer> sizes) {
        var chunks = new ArrayList<int[]>();
        for (int start = 0, i = 0; start < n; i++) {
            int end = Math.min(n, start + sizes.get(i % sizes.size()));
            chunks.add(new int[] {start, end});
            start = end;
        }
        return chunks;
    }

    void apply(int step, LearnerActivity activity) {
        String learner = activity.event().learnerId();
        var effects = LearnerModel.apply(states.computeIfAbsent(learner, id -> LearnerState.empty(ORG, id)), activity,
                VERSIONS);
        milestones.addAll(effects.milestones());
        effects.changes().forEach(change -> changes.add(new Change(step, learner, change)));
    }

    /** Writes what the flush writes of the timeline and ticks per day; then, if asked, reads the states back. */
    void flush(boolean reload) {
        states.replaceAll((learner, state) -> {
            timelines.computeIfAbsent(learner, id -> new ArrayList<>()).addAll(state.newTimeline());
            state.newTicksPerDay().forEach((day, ticks) ->
                    ticksPerDay.computeIfAbsent(learner, id -> new TreeMap<>()).merge(day, ticks, Integer::sum));
            state.flushed();
            return reload ? reloaded(state) : state;
        });
    }

    Map<String, Stored> stored() {
        var stored = new TreeMap<String, Stored>();
        states.forEach((learner, state) -> stored.put(learner, stored(state)));
        return stored;
    }

    /** Memberships, cohorts left, and the versions with any progress: an empty one is never written. */
    static Stored stored(LearnerState state) {
        var ticked = new TreeMap<String, Map<String, Long>>();
        var levelFields = new TreeMap<String, Map<String, Long>>();
        var states = new TreeMap<String, Map<String, String>>();
        state.versions().forEach((version, progress) -> {
            if (!progress.ticked().isEmpty() || !progress.levelFields().isEmpty() || !progress.marked().isEmpty()) {
                ticked.put(version, new TreeMap<>(progress.ticked()));
                levelFields.put(version, new TreeMap<>(progress.levelFields()));
                var marks = new TreeMap<String, String>();
                progress.marked().forEach((item, mark) -> marks.put(item, mark.encoded()));
                states.put(version, marks);
            }
        });
        return new Stored(new TreeMap<>(state.memberships()), new TreeSet<>(state.left()), ticked, levelFields,
                states);
    }

    private static LearnerState reloaded(LearnerState old) {
        var stored = stored(old);
        var fresh = new LearnerState(old.organisationId(), old.learnerId(), old.applied());
        fresh.loadMemberships(stored.memberships(), stored.left());
        stored.ticked().forEach((version, ticked) ->
                fresh.load(version, VersionProgress.of(VERSIONS.of(version), new HashMap<>(ticked),
                        stored.levelFields().get(version), Map.of(), stored.states().get(version))));
        return fresh;
    }
}
