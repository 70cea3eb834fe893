package dev.ticklist.progress.learner;

import dev.ticklist.events.TicklistEvent;
import dev.ticklist.events.activity.ItemActivity;
import dev.ticklist.events.activity.ItemEvidenceAttached;
import dev.ticklist.events.activity.LearnerChecklistAssigned;
import dev.ticklist.events.activity.LearnerJoinedCohort;
import dev.ticklist.events.cohort.CohortMembersChanged;
import dev.ticklist.progress.live.ProgressChange;
import dev.ticklist.progress.model.CausedMilestone;
import dev.ticklist.progress.model.ChecklistVersions;
import dev.ticklist.progress.model.LearnerActivity;
import dev.ticklist.progress.model.LearnerModel;
import dev.ticklist.progress.model.LearnerState;
import dev.ticklist.progress.model.MemberChange;
import dev.ticklist.progress.model.MemberNet;
import dev.ticklist.progress.model.StableIds;
import dev.ticklist.progress.outbox.OutboxEntries;
import dev.ticklist.progress.outbox.PendingEvent;
import dev.ticklist.progress.redis.KeyStore;
import dev.ticklist.progress.redis.KeyWrite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds a batch of learner activity by learner: reads each learner's state on first touch
 * (or takes it from the cache), applies the events through {@link LearnerModel} in memory, and
 * writes each touched learner's net change once, with its marker and its outbox (milestones,
 * and one netted change per cohort it is in). A learner whose marker moved under it (another
 * instance, a Redis loss) is read again and folded again.
 */
public class LearnerFold {

    private static final int ATTEMPTS = 3;
    /** Learners written per pipeline within a flush (a flush may touch 20,000). */
    private static final int LEARNERS_PER_WRITE = 2_000;

    private final LearnerStore store;
    private final LearnerCache cache;
    private final ChecklistVersions versions;
    private final String generation;

    public LearnerFold(LearnerStore store, LearnerCache cache, ChecklistVersions versions, String generation) {
        this.store = store;
        this.cache = cache;
        this.versions = versions;
        this.generation = generation;
    }

    /** What a fold left to do: the outbox entries to publish, and the changes to announce live. */
    public record Folded(List<PendingEvent<?>> pending, List<ProgressChange> live) {
    }

    private record Learner(String organisationId, String learnerId, int partition) {

        String key() {
            return organisationId + "/" + learnerId;
        }
    }

    public Folded fold(List<LearnerActivity> activities) {
        var byLearner = new LinkedHashMap<Learner, List<LearnerActivity>>();
        for (LearnerActivity activity : activities) {
            var event = activity.event();
            byLearner.computeIfAbsent(new Learner(event.organisationId(), event.learnerId(), activity.partition()),
                    learner -> new ArrayList<>()).add(activity);
        }
        var pending = new ArrayList<PendingEvent<?>>();
        var live = new ArrayList<ProgressChange>();
        for (int attempt = 1; !byLearner.isEmpty(); attempt++) {
            if (attempt > ATTEMPTS) {
                throw new IllegalStateException("learners' markers kept moving under this instance: "
                        + byLearner.keySet().stream().map(Learner::key).toList());
            }
            byLearner = foldOnce(byLearner, pending, live);
        }
        return new Folded(pending, live);
    }

    /** One attempt; returns the learners whose write was refused, to be read and folded again. */
    private LinkedHashMap<Learner, List<LearnerActivity>> foldOnce(Map<Learner, List<LearnerActivity>> byLearner,
                                                                    List<PendingEvent<?>> pending,
                                                                    List<ProgressChange> live) {
        var learners = List.copyOf(byLearner.keySet());
        var states = statesOf(byLearner, pending);
        var refused = new LinkedHashMap<Learner, List<LearnerActivity>>();
        // Written a slice at a time: a poll's writes are built, sent and let go in parts, not all held at once.
        for (int from = 0; from < learners.size(); from += LEARNERS_PER_WRITE) {
            write(learners.subList(from, Math.min(learners.size(), from + LEARNERS_PER_WRITE)), byLearner, states,
                    pending, live, refused);
        }
        return refused;
    }

    /** Folds and writes these learners; those whose write was refused go to {@code refused}. */
    private void write(List<Learner> learners, Map<Learner, List<LearnerActivity>> byLearner,
                       Map<Learner, LearnerState> states, List<PendingEvent<?>> pending, List<ProgressChange> live,
                       Map<Learner, List<LearnerActivity>> refused) {
        var writes = new ArrayList<KeyWrite>();
        var written = new ArrayList<Learner>();
        var ownEntries = new ArrayList<Map<String, PendingEvent<?>>>();
        var ownLive = new ArrayList<List<ProgressChange>>();
        for (Learner learner : learners) {
            LearnerState state = states.get(learner);
            var nets = new LinkedHashMap<String, MemberNet>();
            var milestones = new ArrayList<CausedMilestone>();
            var changes = new ArrayList<ProgressChange>();
            for (LearnerActivity activity : byLearner.get(learner)) {
                var effects = LearnerModel.apply(state, activity, versions);
                milestones.addAll(effects.milestones());
                for (MemberChange change : effects.changes()) {
                    nets.computeIfAbsent(change.cohortId(), cohort -> new MemberNet()).add(change);
                    changes.add(ProgressChange.of(learner.organisationId(), learner.learnerId(), change));
                }
            }
            if (!state.isDirty()) {
                continue;
            }
            String outbox = store.outboxOf(state);
            var entries = new LinkedHashMap<String, PendingEvent<?>>();
            milestones.forEach(milestone -> add(entries, outbox, milestone.id(), milestone.event()));
            nets.forEach((cohort, net) -> {
                var member = net.toMember(learner.learnerId());
                add(entries, outbox, memberChangeId(learner, cohort, member.sequence()),
                        new CohortMembersChanged(learner.organisationId(), cohort, generation, List.of(member)));
            });
            writes.add(store.writeOf(state, List.copyOf(entries.keySet())));
            written.add(learner);
            ownEntries.add(entries);
            ownLive.add(changes);
        }
        List<KeyStore.Result> results = store.store(writes);
        for (int i = 0; i < results.size(); i++) {
            Learner learner = written.get(i);
            var result = results.get(i);
            if (!result.stored()) {
                cache.evict(learner.key());
                refused.put(learner, byLearner.get(learner));
                continue;
            }
            states.get(learner).flushed();
            pending.addAll(OutboxEntries.pendingOf(store.outboxOf(states.get(learner)), result.outbox(),
                    ownEntries.get(i)));
            live.addAll(ownLive.get(i));
        }
    }

    /** Each learner's state with every version the batch names; leftovers of outboxes read go to {@code pending}. */
    private Map<Learner, LearnerState> statesOf(Map<Learner, List<LearnerActivity>> byLearner,
                                                List<PendingEvent<?>> pending) {
        var states = new HashMap<Learner, LearnerState>();
        var wanted = new ArrayList<LearnerStore.Wanted>();
        var wantedFor = new ArrayList<Learner>();
        byLearner.forEach((learner, activities) -> {
            LearnerState cached = cache.get(learner.key());
            Set<String> missing = new LinkedHashSet<>();
            activities.forEach(activity -> versionsNamed(activity).forEach(version -> {
                if (cached == null || !cached.hasVersion(version)) {
                    missing.add(version);
                }
            }));
            if (cached != null && missing.isEmpty()) {
                states.put(learner, cached);
            } else {
                wanted.add(new LearnerStore.Wanted(learner.organisationId(), learner.learnerId(), cached, missing));
                wantedFor.add(learner);
            }
        });
        var loaded = store.read(wanted);
        for (int i = 0; i < loaded.size(); i++) {
            Learner learner = wantedFor.get(i);
            var state = loaded.get(i).state();
            states.put(learner, state);
            cache.put(learner.key(), learner.partition(), state);
            String outbox = store.outboxOf(state);
            if (!loaded.get(i).leftovers().isEmpty() && !byLearnerWrites(byLearner.get(learner), state)) {
                pending.addAll(OutboxEntries.pendingOf(outbox, loaded.get(i).leftovers(), Map.of()));
            }
        }
        return states;
    }

    /** Whether folding these events will write the learner (and so hand over its whole outbox). */
    private static boolean byLearnerWrites(List<LearnerActivity> activities, LearnerState state) {
        return activities.getLast().offset() > state.applied();
    }

    private static Set<String> versionsNamed(LearnerActivity activity) {
        return switch (activity.event()) {
            case ItemActivity item -> Set.of(ChecklistVersions.key(item.checklistId(), item.checklistVersion()));
            case ItemEvidenceAttached attached ->
                    Set.of(ChecklistVersions.key(attached.checklistId(), attached.checklistVersion()));
            case LearnerJoinedCohort joined ->
                    Set.of(ChecklistVersions.key(joined.checklistId(), joined.checklistVersion()));
            case LearnerChecklistAssigned moved -> new LinkedHashSet<>(List.of(
                    ChecklistVersions.key(moved.previousChecklistId(), moved.previousChecklistVersion()),
                    ChecklistVersions.key(moved.checklistId(), moved.checklistVersion())));
            default -> Set.of();
        };
    }

    private static void add(Map<String, PendingEvent<?>> entries, String outbox, String id,
                            TicklistEvent event) {
        String entry = OutboxEntries.encode(id, event);
        entries.put(entry, OutboxEntries.pending(outbox, entry, id, event));
    }

    /** Stable: the same net change of a learner in a cohort always has the same id. */
    private String memberChangeId(Learner learner, String cohort, long sequence) {
        return StableIds.of("cohort-member", generation + ":" + learner.key() + ":" + cohort + ":" + sequence);
    }
}
