package dev.ticklist.progress.learner;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.activity.ItemActivity;
import dev.ticklist.events.activity.ItemTicked;
import dev.ticklist.events.activity.LearnerChecklistAssigned;
import dev.ticklist.progress.catalog.ChecklistStructure;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Applies learner activity to learners' projections in Redis. Each event's change, its
 * idempotence marker (the event's offset) and the milestones it causes are written by one Lua
 * script on the learner's hash slot, so a redelivered event changes nothing and a milestone is
 * never lost between apply and publish. A batch of events is sent in one pipeline, in order.
 */
public class LearnerProgressProjection {

    // Read once: a script made from a resource checks the resource for changes on every call.
    private static final RedisScript<?> APPLY = script("scripts/apply-learner-activity.lua");
    private static final RedisScript<?> MOVE = script("scripts/move-learner-checklist.lua");

    private final StringRedisTemplate redis;

    public LearnerProgressProjection(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** One script call: which script, on which keys, with which arguments. */
    public record Change(RedisScript<?> script, List<String> keys, List<String> args) {
    }

    /**
     * Applies the changes in order, in one pipeline.
     *
     * @return the milestones waiting in the learners' outboxes (these events' and any left from
     *         an earlier crash); publish them, then {@link MilestoneOutbox#publish} removes them
     */
    public List<PendingMilestone> applyAll(List<Change> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        List<Object> results;
        try {
            results = pipeline(changes);
        } catch (RuntimeException e) {
            if (!isNoScript(e)) {
                throw e;
            }
            // Redis lost its script cache (a restart): load the scripts and run the batch again;
            // events already applied are skipped by their markers.
            loadScripts();
            results = pipeline(changes);
        }
        var pending = new LinkedHashSet<PendingMilestone>();
        for (Object result : results) {
            ((List<?>) ((List<?>) result).get(1)).forEach(entry -> pending.add(PendingMilestone.decode(text(entry))));
        }
        return List.copyOf(pending);
    }

    /** Applies one event alone. */
    public List<PendingMilestone> apply(EventEnvelope<? extends ItemActivity> envelope, long offset,
                                        ChecklistStructure structure, ChecklistStructure.Level level) {
        return applyAll(List.of(tick(envelope, offset, structure, level)));
    }

    public List<PendingMilestone> move(LearnerChecklistAssigned event, long offset, ChecklistStructure target) {
        return applyAll(List.of(move(offset, event, target)));
    }

    /** The change a tick or untick makes, with the milestones it may cause, named by the event. */
    public Change tick(EventEnvelope<? extends ItemActivity> envelope, long offset,
                       ChecklistStructure structure, ChecklistStructure.Level level) {
        var event = envelope.event();
        var keys = new LearnerKeys(event.organisationId(), event.learnerId());
        String checklist = LearnerKeys.checklist(event.checklistId(), event.checklistVersion());
        var args = new ArrayList<String>(List.of(
                Long.toString(offset),
                event instanceof ItemTicked ? "tick" : "untick",
                event.itemId(),
                level.id(),
                Integer.toString(level.itemCount()),
                Long.toString(envelope.time().toEpochMilli()),
                checklist,
                event.cohortId(),
                PendingMilestone.context(envelope.id(), event, level, structure)));
        structure.levelsInOrder().stream().filter(l -> l.itemCount() > 0).forEach(l -> args.add(l.id()));
        return new Change(APPLY, keys.forApply(checklist), args);
    }

    /** The change that moves the learner to {@code target}: ticks on items that exist there carry over. */
    public Change move(long offset, LearnerChecklistAssigned event, ChecklistStructure target) {
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
        return new Change(MOVE, keys.forMove(from, to), args);
    }

    private List<Object> pipeline(List<Change> changes) {
        return redis.executePipelined((RedisCallback<Object>) connection -> {
            for (Change change : changes) {
                byte[][] keysAndArgs = new byte[change.keys().size() + change.args().size()][];
                int i = 0;
                for (String key : change.keys()) {
                    keysAndArgs[i++] = key.getBytes(StandardCharsets.UTF_8);
                }
                for (String arg : change.args()) {
                    keysAndArgs[i++] = arg.getBytes(StandardCharsets.UTF_8);
                }
                connection.scriptingCommands().evalSha(change.script().getSha1(), ReturnType.MULTI,
                        change.keys().size(), keysAndArgs);
            }
            return null;
        });
    }

    private static RedisScript<?> script(String path) {
        try {
            return RedisScript.of(new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8), List.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void loadScripts() {
        redis.execute((RedisCallback<Object>) connection -> {
            for (RedisScript<?> script : List.of(APPLY, MOVE)) {
                connection.scriptingCommands().scriptLoad(script.getScriptAsString().getBytes(StandardCharsets.UTF_8));
            }
            return null;
        });
    }

    private static boolean isNoScript(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("NOSCRIPT")) {
                return true;
            }
        }
        return false;
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) value;
    }

}
