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
 * Runs calls of one Lua script in order in one pipeline; each call touches the keys of one hash
 * slot. Loads the script again if Redis lost its script cache.
 */
public class ScriptPipeline {

    private final StringRedisTemplate redis;
    private final RedisScript<?> script;

    public ScriptPipeline(StringRedisTemplate redis, RedisScript<?> script) {
        this.redis = redis;
        this.script = script;
    }

    /** One call: its keys and arguments. */
    public record Call(List<String> keys, List<String> args) {
    }

    /** Read once: a script made from a resource checks the resource for changes on every call. */
    public static RedisScript<?> script(String path) {
        try {
            return RedisScript.of(new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8), List.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the calls in order; returns each call's reply. */
    public List<Object> run(List<Call> calls) {
        if (calls.isEmpty()) {
            return List.of();
        }
        try {
            return pipeline(calls);
        } catch (RuntimeException e) {
            if (!isNoScript(e)) {
                throw e;
            }
            // Redis lost its script cache (a restart): load the script and run the calls again;
            // the store script changes nothing whose marker moved on.
            redis.execute((RedisCallback<Object>) connection -> connection.scriptingCommands()
                    .scriptLoad(script.getScriptAsString().getBytes(StandardCharsets.UTF_8)));
            return pipeline(calls);
        }
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
                connection.scriptingCommands().evalSha(script.getSha1(), ReturnType.MULTI, call.keys().size(),
                        keysAndArgs);
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

    static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) value;
    }
}
