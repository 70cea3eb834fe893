package dev.ticklist.progress.learner;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.activity.ItemActivity;
import dev.ticklist.events.activity.ItemTicked;
import dev.ticklist.events.activity.LearnerActivityEvent;
import dev.ticklist.events.activity.LearnerChecklistAssigned;
import dev.ticklist.events.activity.LearnerJoinedCohort;
import dev.ticklist.progress.catalog.ChecklistStructure;
import dev.ticklist.progress.generation.ProjectionGenerations;
import dev.ticklist.progress.outbox.PendingEvent;
import dev.ticklist.progress.redis.ScriptPipeline;
import dev.ticklist.progress.redis.ScriptBatch;
import dev.ticklist.progress.redis.ScriptBatch.Piece;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Applies learner activity to learners' projections in Redis. Each event's change, its
 * idempotence marker (the event's offset) and the events it causes (milestones, the change for
 * the cohort's stream) are written by one Lua script on the learner's hash slot, so a
 * redelivered event changes nothing and a caused event is never lost between apply and publish.
 * A batch of events is sent in one pipeline, in order.
 */
public class LearnerProgressProjection {

    private static final RedisScript<?> APPLY = ScriptPipeline.script("scripts/apply-learner-activity.lua");
    private static final RedisScript<?> MOVE = ScriptPipeline.script("scripts/move-learner-checklist.lua");
    private static final RedisScript<?> MEMBERSHIP = ScriptPipeline.script("scripts/learner-membership.lua");

    private final ScriptPipeline pipeline;
    private final String generation;

    public LearnerProgressProjection(StringRedisTemplate redis, ProjectionGenerations generations) {
        this.pipeline = new ScriptPipeline(redis, List.of(APPLY, MOVE, MEMBERSHIP));
        this.generation = generations.built();
    }

    /**
     * Applies the changes in order, in one pipeline; a learner's consecutive ticks on one version
     * are applied by one script call.
     *
     * @return the events waiting in the learners' outboxes (these events' and any left from an
     *         earlier crash), in order; publish them with {@link dev.ticklist.progress.outbox.Outbox}
     */
    public List<PendingEvent<?>> applyAll(List<Piece> changes) {
        var pending = new ArrayList<PendingEvent<?>>();
        ScriptBatch.run(pipeline, changes).forEach((outbox, entries) ->
                entries.forEach(entry -> pending.add(LearnerOutboxEntries.decode(outbox, entry))));
        return pending;
    }

    /** The change a tick or untick makes, with the events it may cause, named by the event. */
    public Piece tick(EventEnvelope<? extends ItemActivity> envelope, int partition, long offset,
                      ChecklistStructure structure, ChecklistStructure.Level level) {
        var event = envelope.event();
        var keys = new LearnerKeys(generation, event.organisationId(), event.learnerId());
        String checklist = LearnerKeys.checklist(event.checklistId(), event.checklistVersion());
        var header = new ArrayList<String>(List.of(checklist, event.cohortId()));
        header.add(Integer.toString(structure.levelsWithItems().size()));
        header.addAll(structure.levelsWithItems());
        var args = List.of(
                Long.toString(offset),
                event instanceof ItemTicked ? "tick" : "untick",
                event.itemId(),
                level.id(),
                Integer.toString(level.itemCount()),
                Long.toString(envelope.time().toEpochMilli()),
                LearnerOutboxEntries.milestoneContext(envelope.id(), event, level, structure),
                Long.toString(LearnerOutboxEntries.sequence(offset, 0)),
                Long.toString(LearnerOutboxEntries.sequence(offset, 1)),
                LearnerOutboxEntries.cohortContext(envelope.id(), event, envelope.time(), generation,
                        partition + "-" + offset),
                Long.toString(envelope.time().atZone(ZoneOffset.UTC).toLocalDate().toEpochDay()));
        return new Piece(keys.stream(), checklist + "\t" + event.cohortId(), APPLY, keys.forApply(checklist), header,
                List.of(), args, keys.outbox());
    }

    /** The change that moves the learner to {@code target}: ticks on items that exist there carry over. */
    public Piece move(EventEnvelope<LearnerChecklistAssigned> envelope, int partition, long offset,
                     ChecklistStructure target) {
        var event = envelope.event();
        var keys = new LearnerKeys(generation, event.organisationId(), event.learnerId());
        String from = LearnerKeys.checklist(event.previousChecklistId(), event.previousChecklistVersion());
        String to = LearnerKeys.checklist(event.checklistId(), event.checklistVersion());
        var args = new ArrayList<String>(List.of(Long.toString(offset), from, to, event.cohortId(),
                Long.toString(LearnerOutboxEntries.sequence(offset, 1)),
                LearnerOutboxEntries.cohortContext(envelope.id(), event, envelope.time(), generation,
                        partition + "-" + offset),
                Integer.toString(target.levels().size())));
        target.levelsInOrder().forEach(level -> {
            args.add(level.id());
            args.add(Integer.toString(level.itemCount()));
        });
        target.placeOfItem().forEach((item, place) -> {
            args.add(item);
            args.add(place.level().id());
        });
        return alone(keys, MOVE, keys.forMove(from, to), args);
    }

    /** The learner joined or left a cohort. */
    public Piece membership(EventEnvelope<? extends LearnerActivityEvent> envelope, int partition, long offset) {
        var event = envelope.event();
        var keys = new LearnerKeys(generation, event.organisationId(), event.learnerId());
        String checklist = LearnerKeys.checklist(event.checklistId(), event.checklistVersion());
        return alone(keys, MEMBERSHIP, keys.forMembership(checklist), List.of(Long.toString(offset),
                event instanceof LearnerJoinedCohort ? "joined" : "left", checklist, event.cohortId(),
                Long.toString(LearnerOutboxEntries.sequence(offset, 1)),
                LearnerOutboxEntries.cohortContext(envelope.id(), event, envelope.time(), generation,
                        partition + "-" + offset)));
    }

    private static Piece alone(LearnerKeys learner, RedisScript<?> script, List<String> keys, List<String> args) {
        return new Piece(learner.stream(), null, script, keys, List.of(), List.of(), args, learner.outbox());
    }
}
