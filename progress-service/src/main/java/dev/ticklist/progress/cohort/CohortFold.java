package dev.ticklist.progress.cohort;

import dev.ticklist.events.cohort.CohortMembersChanged;
import dev.ticklist.progress.model.CausedMilestone;
import dev.ticklist.progress.model.ChecklistVersions;
import dev.ticklist.progress.model.CohortModel;
import dev.ticklist.progress.model.CohortState;
import dev.ticklist.progress.model.MemberWeight;
import dev.ticklist.progress.outbox.OutboxEntries;
import dev.ticklist.progress.outbox.PendingEvent;
import dev.ticklist.progress.redis.KeyWrite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Folds a batch of the cohort stream by cohort: reads each cohort's aggregates and the rows of
 * the learners it names on first touch, applies the records through {@link CohortModel} in
 * memory, and writes each touched cohort once, with its marker and its threshold milestones.
 */
public class CohortFold {

    private static final int ATTEMPTS = 3;

    private final CohortStore store;
    private final CohortCache cache;
    private final ChecklistVersions versions;
    private final List<Integer> thresholds;

    public CohortFold(CohortStore store, CohortCache cache, ChecklistVersions versions, List<Integer> thresholds) {
        this.store = store;
        this.cache = cache;
        this.versions = versions;
        this.thresholds = List.copyOf(thresholds);
    }

    /** One record of the cohort stream, as this generation applies it. */
    public record Record(long offset, CohortMembersChanged change) {

        String cohort() {
            return change.organisationId() + "/" + change.cohortId();
        }
    }

    /** @return the outbox entries to publish */
    public List<PendingEvent<?>> fold(List<Record> records) {
        var pending = new ArrayList<PendingEvent<?>>();
        for (var round : rounds(records)) {
            var byCohort = round;
            for (int attempt = 1; !byCohort.isEmpty(); attempt++) {
                if (attempt > ATTEMPTS) {
                    throw new IllegalStateException("cohorts' markers kept moving under this instance: "
                            + byCohort.keySet());
                }
                byCohort = foldOnce(byCohort, pending);
            }
            // Rows read for one write are not held for the next: a poll of many joins stays within the bound.
            cache.trim();
        }
        return pending;
    }

    /**
     * The batch by cohort, in writes of bounded weight ({@link MemberWeight#PER_WRITE}): round n
     * holds each cohort's n-th run of records, so a cohort that thousands of learners joined at
     * once is written in several steps, each with its marker, in order.
     */
    static List<LinkedHashMap<String, List<Record>>> rounds(List<Record> records) {
        var rounds = new ArrayList<LinkedHashMap<String, List<Record>>>();
        var roundOf = new HashMap<String, Integer>();
        var weightOf = new HashMap<String, Integer>();
        for (Record record : records) {
            String cohort = record.cohort();
            int weight = MemberWeight.of(record.change());
            int round = roundOf.getOrDefault(cohort, 0);
            int sofar = weightOf.getOrDefault(cohort, 0);
            if (sofar > 0 && sofar + weight > MemberWeight.PER_WRITE) {
                round++;
                sofar = 0;
            }
            roundOf.put(cohort, round);
            weightOf.put(cohort, sofar + weight);
            while (rounds.size() <= round) {
                rounds.add(new LinkedHashMap<>());
            }
            rounds.get(round).computeIfAbsent(cohort, any -> new ArrayList<>()).add(record);
        }
        return rounds;
    }

    private LinkedHashMap<String, List<Record>> foldOnce(Map<String, List<Record>> byCohort,
                                                         List<PendingEvent<?>> pending) {
        var states = statesOf(byCohort, pending);
        var writes = new ArrayList<KeyWrite>();
        var written = new ArrayList<String>();
        var ownEntries = new ArrayList<Map<String, PendingEvent<?>>>();
        byCohort.forEach((cohort, records) -> {
            CohortState state = states.get(cohort);
            var milestones = new ArrayList<CausedMilestone>();
            records.forEach(record -> milestones.addAll(
                    CohortModel.apply(state, record.offset(), record.change(), versions, thresholds)));
            if (!state.isDirty()) {
                return;
            }
            String outbox = store.outboxOf(state);
            var entries = new LinkedHashMap<String, PendingEvent<?>>();
            milestones.forEach(milestone -> {
                String entry = OutboxEntries.encode(milestone.id(), milestone.event());
                entries.put(entry, OutboxEntries.pending(outbox, entry, milestone.id(), milestone.event()));
            });
            writes.add(store.writeOf(state, List.copyOf(entries.keySet())));
            written.add(cohort);
            ownEntries.add(entries);
        });
        var refused = new LinkedHashMap<String, List<Record>>();
        var results = store.store(writes);
        for (int i = 0; i < results.size(); i++) {
            String cohort = written.get(i);
            if (!results.get(i).stored()) {
                cache.evict(cohort);
                refused.put(cohort, byCohort.get(cohort));
                continue;
            }
            states.get(cohort).flushed();
            pending.addAll(OutboxEntries.pendingOf(store.outboxOf(states.get(cohort)), results.get(i).outbox(),
                    ownEntries.get(i)));
        }
        return refused;
    }

    private Map<String, CohortState> statesOf(Map<String, List<Record>> byCohort, List<PendingEvent<?>> pending) {
        var states = new HashMap<String, CohortState>();
        var wanted = new ArrayList<CohortStore.Wanted>();
        var wantedFor = new ArrayList<String>();
        byCohort.forEach((cohort, records) -> {
            CohortState cached = cache.get(cohort);
            var missing = new LinkedHashSet<String>();
            records.forEach(record -> record.change().members().forEach(member -> {
                if (cached == null || !cached.hasRow(member.learnerId())) {
                    missing.add(member.learnerId());
                }
            }));
            if (cached != null && missing.isEmpty()) {
                states.put(cohort, cached);
            } else {
                var first = records.getFirst().change();
                wanted.add(new CohortStore.Wanted(first.organisationId(), first.cohortId(), cached, missing));
                wantedFor.add(cohort);
            }
        });
        var loaded = store.read(wanted);
        for (int i = 0; i < loaded.size(); i++) {
            String cohort = wantedFor.get(i);
            CohortState state = loaded.get(i).state();
            states.put(cohort, state);
            cache.put(cohort, state);
            boolean writes = byCohort.get(cohort).getLast().offset() > state.applied();
            if (!writes) {
                String outbox = store.outboxOf(state);
                pending.addAll(OutboxEntries.pendingOf(outbox, loaded.get(i).leftovers(), Map.of()));
            }
        }
        return states;
    }
}
