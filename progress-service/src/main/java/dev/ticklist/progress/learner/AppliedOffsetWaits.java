package dev.ticklist.progress.learner;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Read-your-write waits without a thread per wait: requests that want a learner's projection to
 * include a position wait here, and one timer checks all their learners' markers in one pipeline
 * every few milliseconds, completing each wait when its offset is applied or its time is up.
 * Whichever instance applies the event, the marker in Redis says so.
 */
public class AppliedOffsetWaits implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppliedOffsetWaits.class);

    private record Wait(String markerKey, long offset, long deadlineNanos, CompletableFuture<Boolean> done) {
    }

    private final StringRedisTemplate redis;
    private final ConcurrentLinkedQueue<Wait> waits = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "applied-offset-waits");
        thread.setDaemon(true);
        return thread;
    });

    public AppliedOffsetWaits(StringRedisTemplate redis, Duration interval) {
        this.redis = redis;
        timer.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Completes with true once the marker reaches {@code offset}, with false when {@code wait} has passed. */
    public CompletableFuture<Boolean> await(String markerKey, long offset, Duration wait) {
        var done = new CompletableFuture<Boolean>();
        waits.add(new Wait(markerKey, offset, System.nanoTime() + wait.toNanos(), done));
        return done;
    }

    private void check() {
        if (waits.isEmpty()) {
            return;
        }
        List<Wait> now = new ArrayList<>(waits);
        try {
            List<Object> markers = redis.executePipelined((RedisCallback<Object>) connection -> {
                now.forEach(wait -> connection.stringCommands().get(
                        wait.markerKey().getBytes(StandardCharsets.UTF_8)));
                return null;
            });
            long clock = System.nanoTime();
            for (int i = 0; i < now.size(); i++) {
                Wait wait = now.get(i);
                Object marker = markers.get(i);
                if (marker != null && Long.parseLong((String) marker) >= wait.offset()) {
                    finish(wait, true);
                } else if (clock - wait.deadlineNanos() >= 0) {
                    finish(wait, false);
                }
            }
        } catch (RuntimeException e) {
            // Redis unreachable: the waits time out as usual; the read after them answers for the outage.
            LOG.debug("checking applied offsets failed: {}", e.toString());
            long clock = System.nanoTime();
            now.stream().filter(wait -> clock - wait.deadlineNanos() >= 0).forEach(wait -> finish(wait, false));
        }
    }

    private void finish(Wait wait, boolean reached) {
        waits.remove(wait);
        wait.done().complete(reached);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        waits.forEach(wait -> wait.done().complete(false));
    }
}
