package dev.ticklist.progress.learner;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.activity.ItemActivity;
import dev.ticklist.events.activity.ItemTicked;
import dev.ticklist.events.activity.LearnerChecklistAssigned;
import dev.ticklist.events.milestone.ChecklistCompleted;
import dev.ticklist.events.milestone.LevelCompleted;
import dev.ticklist.events.milestone.LevelReopened;
import dev.ticklist.progress.catalog.ChecklistStructure;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Applies learner activity to the learner's projection in Redis. The change, the idempotence
 * marker (the event's offset) and any milestone it causes are written by one Lua script, so a
 * redelivered event changes nothing and a milestone is never lost between apply and publish.
 */
public class LearnerProgressProjection {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> APPLY =
            RedisScript.of(new ClassPathResource("scripts/apply-learner-activity.lua"), List.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> MOVE =
            RedisScript.of(new ClassPathResource("scripts/move-learner-checklist.lua"), List.class);

    private final StringRedisTemplate redis;

    public LearnerProgressProjection(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /**
     * @return the milestones waiting in the learner's outbox (this event's and any left from
     *         an earlier crash); publish them, then {@link MilestoneOutbox#remove} each
     */
    public List<PendingMilestone> apply(EventEnvelope<? extends ItemActivity> envelope, long offset,
                                        ChecklistStructure structure, ChecklistStructure.Level level) {
        var event = envelope.event();
        var keys = new LearnerKeys(event.organisationId(), event.learnerId());
        String checklist = LearnerKeys.checklist(event.checklistId(), event.checklistVersion());
        var completed = new PendingMilestone(milestoneId("level-completed", envelope.id()),
                new LevelCompleted(event.organisationId(), event.cohortId(), event.learnerId(), event.checklistId(),
                        event.checklistVersion(), level.id(), level.itemCount()));
        var reopened = new PendingMilestone(milestoneId("level-reopened", envelope.id()),
                new LevelReopened(event.organisationId(), event.cohortId(), event.learnerId(), event.checklistId(),
                        event.checklistVersion(), level.id(), level.itemCount()));
        var finished = new PendingMilestone(milestoneId("checklist-completed", envelope.id()),
                new ChecklistCompleted(event.organisationId(), event.cohortId(), event.learnerId(),
                        event.checklistId(), event.checklistVersion(), structure.itemCount()));
        var args = new ArrayList<String>(List.of(
                Long.toString(offset),
                event instanceof ItemTicked ? "tick" : "untick",
                event.itemId(),
                level.id(),
                Integer.toString(level.itemCount()),
                Long.toString(envelope.time().toEpochMilli()),
                checklist,
                event.cohortId(),
                completed.encode(),
                reopened.encode(),
                finished.encode()));
        structure.levelsInOrder().stream().filter(l -> l.itemCount() > 0).forEach(l -> args.add(l.id()));
        List<?> result = redis.execute(APPLY, keys.forApply(checklist), args.toArray());
        return pending(result);
    }

    /** Moves the learner to {@code target}: ticks on items that exist there carry over. */
    public List<PendingMilestone> move(LearnerChecklistAssigned event, long offset, ChecklistStructure target) {
        var keys = new LearnerKeys(event.organisationId(), event.learnerId());
        String from = LearnerKeys.checklist(event.previousChecklistId(), event.previousChecklistVersion());
        String to = LearnerKeys.checklist(event.checklistId(), event.checklistVersion());
        var args = new ArrayList<String>(List.of(Long.toString(offset), from, to, event.cohortId(),
                Integer.toString(target.levels().size())));
        target.levelsInOrder().forEach(level -> {
            args.add(level.id());
            args.add(Integer.toString(level.itemCount()));
        });
        target.levelOfItem().forEach((item, level) -> {
            args.add(item);
            args.add(level);
        });
        return pending(redis.execute(MOVE, keys.forMove(from, to), args.toArray()));
    }

    private static List<PendingMilestone> pending(List<?> scriptResult) {
        return ((List<?>) scriptResult.get(1)).stream().map(entry -> PendingMilestone.decode((String) entry)).toList();
    }

    /** Stable: the same causing event always yields the same milestone id, across replays. */
    static String milestoneId(String kind, String causingEventId) {
        return UUID.nameUUIDFromBytes((kind + ":" + causingEventId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
