package dev.ticklist.progress.learner;

import dev.ticklist.events.Topics;
import dev.ticklist.events.activity.LearnerActivityEvent;
import dev.ticklist.progress.calendar.TicksPerDay;
import dev.ticklist.progress.catalog.ChecklistCatalog;
import dev.ticklist.progress.catalog.ChecklistStructure;
import dev.ticklist.progress.model.VersionProgress;
import dev.ticklist.progress.generation.ProjectionGenerations;
import dev.ticklist.progress.generation.ProjectionReadiness;
import dev.ticklist.progress.redis.ScriptPipeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/** Reads a learner's projection: per checklist, per level, per item. */
public class LearnerProgressQuery {

    private static final RedisScript<?> LEVELS_AND_ITEMS = ScriptPipeline.script("scripts/read-levels-and-items.lua");

    private final StringRedisTemplate redis;
    private final ChecklistCatalog catalog;
    private final ProjectionGenerations generations;
    private final ProjectionReadiness readiness;
    private final AppliedOffsetWaits waits;
    private final Executor reads;

    /** @param reads runs the read that follows a wait, off the waits' timer */
    public LearnerProgressQuery(StringRedisTemplate redis, ChecklistCatalog catalog,
                                ProjectionGenerations generations, ProjectionReadiness readiness,
                                AppliedOffsetWaits waits, Executor reads) {
        this.readiness = readiness;
        this.redis = redis;
        this.catalog = catalog;
        this.generations = generations;
        this.waits = waits;
        this.reads = reads;
    }

    /**
     * What {@code read} reads of the learner's keys, while their partition's projections are
     * whole (else a 503 problem): checked before the read and again after it, so a read that a
     * wipe of Redis overtook answers 503, never what it found of the emptied keys.
     */
    private <T> T whole(String organisationId, String learnerId, Function<LearnerKeys, T> read) {
        String recordKey = LearnerActivityEvent.learnerKey(organisationId, learnerId);
        readiness.requireReady(Topics.LEARNER_ACTIVITY, recordKey);
        T answer = read.apply(new LearnerKeys(generations.serving(), organisationId, learnerId));
        readiness.requireReady(Topics.LEARNER_ACTIVITY, recordKey);
        return answer;
    }

    /**
     * The learner's progress once it includes the event at {@code afterOffset} (a learner's events
     * are all in one partition, so the learner's applied offset says), waiting at most
     * {@code wait} without holding a thread; past that, what there is, marked as not yet consistent.
     */
    public CompletableFuture<LearnerProgress> find(String organisationId, String learnerId, long afterOffset,
                                                   Duration wait) {
        return waits.await(new LearnerKeys(generations.serving(), organisationId, learnerId).applied(), afterOffset,
                        wait)
                .thenApplyAsync(reached -> find(organisationId, learnerId).withConsistent(reached), reads);
    }

    public LearnerProgress find(String organisationId, String learnerId) {
        // A learner in two cohorts on one version: both are listed, comma-separated; the first is shown.
        return find(organisationId, learnerId, cohorts -> Optional.of(cohorts.split(",")[0]));
    }

    /** The learner's progress in one cohort only: what a link to that cohort may show of them. */
    public LearnerProgress findIn(String organisationId, String learnerId, String cohortId) {
        return find(organisationId, learnerId, cohorts -> Arrays.asList(cohorts.split(",")).contains(cohortId)
                ? Optional.of(cohortId) : Optional.empty());
    }

    /** @param shownCohort of a checklist version's cohorts (comma-separated), the one to show it under, if any */
    private LearnerProgress find(String organisationId, String learnerId,
                                 Function<String, Optional<String>> shownCohort) {
        return whole(organisationId, learnerId, keys -> find(keys, learnerId, shownCohort));
    }

    private LearnerProgress find(LearnerKeys keys, String learnerId, Function<String, Optional<String>> shownCohort) {
        var checklists = new ArrayList<LearnerProgress.ChecklistProgress>();
        Map<Object, Object> assigned = new TreeMap<>(redis.opsForHash().entries(keys.checklists()));
        assigned.forEach((checklist, cohorts) -> shownCohort.apply((String) cohorts).ifPresent(cohortId -> {
            String[] idAndVersion = ((String) checklist).split("@");
            catalog.find(idAndVersion[0], Integer.parseInt(idAndVersion[1])).ifPresent(structure ->
                    checklists.add(progressIn(keys, (String) checklist, structure, cohortId)));
        }));
        return new LearnerProgress(learnerId, true, checklists);
    }

    /** A page of the learner's timeline, newest first. */
    public LearnerTimeline timeline(String organisationId, String learnerId, long offset, int limit) {
        return whole(organisationId, learnerId, keys -> timeline(keys, learnerId, offset, limit));
    }

    private LearnerTimeline timeline(LearnerKeys keys, String learnerId, long offset, int limit) {
        Long size = redis.opsForList().size(keys.timeline());
        long total = size == null ? 0 : size;
        long newest = total - 1 - offset;
        long oldest = Math.max(0, newest - limit + 1);
        List<String> page = newest < 0 ? List.of() : redis.opsForList().range(keys.timeline(), oldest, newest);
        var entries = page.reversed().stream().map(LearnerTimeline.Entry::decode).toList();
        return new LearnerTimeline(learnerId, total, offset, limit, entries);
    }

    public List<TicksPerDay.Day> ticksPerDay(String organisationId, String learnerId, TicksPerDay.Range range) {
        return whole(organisationId, learnerId, keys -> TicksPerDay.read(redis, keys.days(), range));
    }

    /** HGETALL's reply, field and value in turn, as a map. */
    private static Map<Object, Object> fieldsOf(List<?> fieldsAndValues) {
        var fields = new HashMap<Object, Object>();
        for (int i = 0; i + 1 < fieldsAndValues.size(); i += 2) {
            fields.put(fieldsAndValues.get(i), fieldsAndValues.get(i + 1));
        }
        return fields;
    }

    private LearnerProgress.ChecklistProgress progressIn(LearnerKeys keys, String checklist,
                                                         ChecklistStructure structure, String cohortId) {
        // One atomic step on the learner's slot: levels and items of the same moment.
        var all = (List<?>) redis.execute(LEVELS_AND_ITEMS, List.of(keys.levels(checklist), keys.items(checklist),
                keys.evidence(checklist), keys.states(checklist)));
        var progress = VersionProgress.of(structure, longs(fieldsOf((List<?>) all.get(1))),
                longs(fieldsOf((List<?>) all.get(0))), strings(fieldsOf((List<?>) all.get(2))),
                strings(fieldsOf((List<?>) all.get(3))));
        return ChecklistProgressView.of(structure, cohortId, progress);
    }

    private static Map<String, Long> longs(Map<Object, Object> fields) {
        var values = new HashMap<String, Long>();
        fields.forEach((field, value) -> values.put((String) field, Long.parseLong((String) value)));
        return values;
    }

    private static Map<String, String> strings(Map<Object, Object> fields) {
        var values = new HashMap<String, String>();
        fields.forEach((field, value) -> values.put((String) field, (String) value));
        return values;
    }
}
