package dev.ticklist.progress.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Runs Lua script calls in order in one pipeline. Each call touches the keys of one hash slot;
 * the scripts return {applied, outbox entries}.
 */
public class ScriptPipeline {

    private final StringRedisTemplate redis;
    private final List<RedisScript<?>> scripts;

    public ScriptPipeline(StringRedisTemplate redis, List<RedisScript<?>> scripts) {
        this.redis = redis;
        this.scripts = List.copyOf(scripts);
    }

    /** One script call: which script, on which keys, with which arguments. */
    public record Call(RedisScript<?> script, List<String> keys, List<String> args) {
    }

    /** Read once: a script made from a resource checks the resource for changes on every call. */
    public static RedisScript<?> script(String path) {
        try {
            return RedisScript.of(new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8), List.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the calls in order; returns each call's outbox entries (the second element of its result). */
    public List<List<String>> runEach(List<Call> calls) {
        if (calls.isEmpty()) {
            return List.of();
        }
        List<Object> results;
        try {
            results = pipeline(calls);
        } catch (RuntimeException e) {
            if (!isNoScript(e)) {
                throw e;
            }
            // Redis lost its script cache (a restart): load the scripts and run the calls again;
            // calls already applied are skipped by their idempotence markers.
            loadScripts();
            results = pipeline(calls);
        }
        return results.stream()
                .map(result -> ((List<?>) ((List<?>) result).get(1)).stream().map(ScriptPipeline::text).toList())
                .toList();
    }

    private List<Object> pipeline(List<Call> calls) {
        return redis.executePipelined((RedisCallback<Object>) connection -> {
            for (Call call : calls) {
                byte[][] keysAndArgs = new byte[call.keys().size() + call.args().size()][];
                int i = 0;
                for (String key : call.keys()) {
                    keysAndArgs[i++] = key.getBytes(StandardCharsets.UTF_8);
                }
                for (String arg : call.args()) {
                    keysAndArgs[i++] = arg.getBytes(StandardCharsets.UTF_8);
                }
                connection.scriptingCommands().evalSha(call.script().getSha1(), ReturnType.MULTI,
                        call.keys().size(), keysAndArgs);
            }
            return null;
        });
    }

    private void loadScripts() {
        redis.execute((RedisCallback<Object>) connection -> {
            for (RedisScript<?> script : scripts) {
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
