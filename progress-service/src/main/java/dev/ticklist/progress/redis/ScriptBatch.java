package dev.ticklist.progress.redis;

import dev.ticklist.progress.redis.ScriptPipeline.Call;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Turns one event's changes ({@link Piece}s) into as few script calls as keep each stream's
 * order: consecutive pieces of one group (one learner's ticks on one version; one cohort's
 * changes) share a call, so Redis parses and runs one script for many events.
 */
public final class ScriptBatch {

    private ScriptBatch() {
    }

    /**
     * One event's part of a script call.
     *
     * @param stream     pieces of one stream (a learner, a cohort) are applied in their order
     * @param group      pieces of one group may share a call; null if this piece needs a call alone
     * @param keys       the call's keys, the same for every piece of the group
     * @param header     the call's first arguments, the same for every piece of the group
     * @param ownKeys    keys this piece adds to the call
     * @param args       arguments this piece adds to the call
     * @param outbox     the outbox the script returns whole
     */
    public record Piece(String stream, String group, RedisScript<?> script, List<String> keys, List<String> header,
                        List<String> ownKeys, List<String> args, String outbox) {
    }

    private record Open(String group, int call) {
    }

    /** Runs the pieces in order; returns each outbox as the last call on it left it, in order of first sight. */
    public static Map<String, List<String>> run(ScriptPipeline pipeline, List<Piece> pieces) {
        var calls = new ArrayList<Call>();
        var outboxes = new ArrayList<String>();
        var open = new HashMap<String, Open>();
        for (Piece piece : pieces) {
            Open current = open.get(piece.stream());
            if (piece.group() != null && current != null && current.group().equals(piece.group())) {
                Call call = calls.get(current.call());
                call.keys().addAll(piece.ownKeys());
                call.args().addAll(piece.args());
                continue;
            }
            var keys = new ArrayList<>(piece.keys());
            keys.addAll(piece.ownKeys());
            var args = new ArrayList<>(piece.header());
            args.addAll(piece.args());
            calls.add(new Call(piece.script(), keys, args));
            outboxes.add(piece.outbox());
            if (piece.group() == null) {
                open.remove(piece.stream());
            } else {
                open.put(piece.stream(), new Open(piece.group(), calls.size() - 1));
            }
        }
        List<List<String>> results = pipeline.runEach(calls);
        var latest = new LinkedHashMap<String, List<String>>();
        for (int i = 0; i < calls.size(); i++) {
            latest.put(outboxes.get(i), results.get(i));
        }
        return latest;
    }
}
