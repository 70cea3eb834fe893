package dev.ticklist.progress.redis;

import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/** Applies {@link KeyWrite}s, all of a flush in one pipeline, each atomically on its slot ({@code store.lua}). */
public class KeyStore {

    private static final RedisScript<?> STORE = ScriptPipeline.script("scripts/store.lua");

    private final ScriptPipeline pipeline;

    public KeyStore(StringRedisTemplate redis) {
        this.pipeline = new ScriptPipeline(redis, STORE);
    }

    /**
     * What became of one write.
     *
     * @param stored  false when the marker was not the one expected: nothing was written
     * @param outbox  when stored, every entry of the group's outbox (this write's and any left
     *                from before); otherwise the marker found
     */
    public record Result(boolean stored, List<String> outbox) {
    }

    public List<Result> store(List<KeyWrite> writes) {
        var replies = pipeline.run(writes.stream().map(write -> new ScriptPipeline.Call(write.keys(), write.args()))
                .toList());
        return replies.stream().map(reply -> {
            var parts = (List<?>) reply;
            return new Result(((Number) parts.get(0)).longValue() == 1,
                    ((List<?>) parts.get(1)).stream().map(ScriptPipeline::text).toList());
        }).toList();
    }
}
