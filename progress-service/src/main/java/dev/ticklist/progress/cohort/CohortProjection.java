package dev.ticklist.progress.cohort;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.Topics;
import dev.ticklist.events.cohort.CohortMemberChanged;
import dev.ticklist.events.milestone.CohortLevelThresholdReached;
import dev.ticklist.platform.kafka.PoisonEventException;
import dev.ticklist.progress.catalog.ChecklistStructure;
import dev.ticklist.progress.generation.ProjectionGenerations;
import dev.ticklist.progress.outbox.PendingEvent;
import dev.ticklist.progress.redis.ScriptPipeline;
import dev.ticklist.progress.redis.ScriptBatch;
import dev.ticklist.progress.redis.ScriptBatch.Piece;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Applies learners' changes to their cohorts' projections: one Lua script per change on the
 * cohort's hash slot, idempotent by the learner's sequence, a batch in one pipeline.
 */
public class CohortProjection {

    private static final RedisScript<?> APPLY = ScriptPipeline.script("scripts/apply-cohort-change.lua");

    private final ScriptPipeline pipeline;
    private final String generation;
    private final String thresholds;

    /** @param thresholds the shares of learners who finished a level (percent) that are milestones */
    public CohortProjection(StringRedisTemplate redis, ProjectionGenerations generations, List<Integer> thresholds) {
        this.pipeline = new ScriptPipeline(redis, List.of(APPLY));
        this.generation = generations.built();
        this.thresholds = thresholds.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /**
     * Applies the changes in order, in one pipeline; a cohort's consecutive changes are applied
     * by one script call.
     *
     * @return the threshold milestones waiting in the cohorts' outboxes
     */
    public List<PendingEvent<?>> applyAll(List<Piece> changes) {
        var pending = new ArrayList<PendingEvent<?>>();
        ScriptBatch.run(pipeline, changes).forEach((outbox, entries) ->
                entries.forEach(entry -> pending.add(decode(outbox, entry))));
        return pending;
    }

    /** Whether this instance projects the change: each generation applies only the changes it derived. */
    public boolean builds(CohortMemberChanged change) {
        return generation.equals(change.generation());
    }

    public Piece change(EventEnvelope<CohortMemberChanged> envelope, ChecklistStructure structure) {
        var change = envelope.event();
        var keys = new CohortKeys(generation, change.organisationId(), change.cohortId());
        String checklist = change.checklistId() + "@" + change.checklistVersion();
        var args = new ArrayList<String>(List.of(
                "",
                Long.toString(change.sequence()),
                change.change(),
                change.learnerId(),
                Long.toString(change.occurredAt().atZone(ZoneOffset.UTC).toLocalDate().toEpochDay()),
                String.join("\t", envelope.id(), change.organisationId(), change.cohortId(), change.checklistId(),
                        Integer.toString(change.checklistVersion())),
                checklist));
        switch (change.change()) {
            case CohortMemberChanged.TICKED, CohortMemberChanged.UNTICKED -> {
                var place = structure.placeOf(change.itemId()).orElseThrow(() -> new PoisonEventException(
                        "item " + change.itemId() + " is not in " + checklist));
                args.addAll(List.of(change.itemId(), place.level().id(), place.category().id()));
            }
            case CohortMemberChanged.JOINED, CohortMemberChanged.MOVED -> addStanding(args, change, structure);
            case CohortMemberChanged.LEFT -> {
            }
            default -> throw new PoisonEventException("unknown cohort change " + change.change());
        }
        // The script reads each change's arguments after their count.
        args.set(0, Integer.toString(args.size() - 1));
        String stream = keys.aggregates();
        return new Piece(stream, stream, APPLY, keys.forChanges(), List.of(thresholds),
                List.of(keys.learner(change.learnerId())), args, keys.outbox());
    }

    /** The structure of the learner's version and the items they have ticked in it. */
    private static void addStanding(List<String> args, CohortMemberChanged change, ChecklistStructure structure) {
        args.add(Integer.toString(structure.itemCount()));
        args.add(Integer.toString(structure.levels().size()));
        structure.levelsInOrder().forEach(level -> {
            args.add(level.id());
            args.add(Integer.toString(level.itemCount()));
        });
        var categories = structure.categoriesInOrder();
        args.add(Integer.toString(categories.size()));
        categories.forEach(category -> {
            args.add(category.id());
            args.add(Integer.toString(category.itemCount()));
        });
        for (String item : change.tickedItems()) {
            // An item the version does not have (a stale tick) does not count.
            structure.placeOf(item).ifPresent(place -> {
                args.add(item);
                args.add(place.level().id());
                args.add(place.category().id());
            });
        }
    }

    /** {@code threshold, level, finished, learners, cause, organisation, cohort, checklist, version}. */
    private static PendingEvent<?> decode(String outbox, String entry) {
        String[] f = entry.split("\t", -1);
        var reached = new CohortLevelThresholdReached(f[5], f[6], f[7], Integer.parseInt(f[8]), f[1],
                Integer.parseInt(f[0]), Integer.parseInt(f[2]), Integer.parseInt(f[3]));
        String id = UUID.nameUUIDFromBytes(("cohort-threshold:" + f[0] + ":" + f[1] + ":" + f[4])
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new PendingEvent<>(outbox, entry, Topics.MILESTONES, id, reached);
    }
}
