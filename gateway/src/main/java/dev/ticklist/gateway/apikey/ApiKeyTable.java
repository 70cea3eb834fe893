package dev.ticklist.gateway.apikey;

import dev.ticklist.events.access.AccessEvent;
import dev.ticklist.gateway.problem.ProblemResponses;
import dev.ticklist.platform.kafka.TopicFollower;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;

/**
 * Whether Redis holds every API key, and the rebuild when it does not. Redis may lose the keys
 * at any moment — a restart without persistence, a {@code FLUSHALL}, a failover to an empty
 * replica — so the table carries a marker, {@link #COMPLETE}, written only after a full replay
 * of the access topic into it. Without the marker every key check answers 503 (never a false
 * 401, and never a revoked key that a replay has not reached yet); each instance looks for the
 * marker every second and, when it is gone, replays the topic into Redis again, without a restart.
 */
public class ApiKeyTable implements SmartLifecycle {

    static final String RETRY_AFTER_SECONDS = "2";

    static final String COMPLETE = "gateway:{access}:complete";
    /** The rebuild under way: a rebuild whose table was wiped again meanwhile writes no marker. */
    static final String REBUILDING = "gateway:{access}:rebuilding";

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyTable.class);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    private static final Duration REBUILD_LIMIT = Duration.ofMinutes(10);
    private static final Duration REDIS_WAIT = Duration.ofSeconds(5);
    private static final Duration START_LIMIT = Duration.ofMinutes(2);
    private static final RedisScript<Long> COMPLETE_IF_STILL_REBUILDING = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('SET', KEYS[2], ARGV[2])
              redis.call('DEL', KEYS[1])
              return 1
            end
            return 0""", Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final TopicFollower<AccessEvent> follower;
    private final Counter rebuilds;
    private final Timer rebuildTime;
    private volatile ScheduledExecutorService checks;

    public ApiKeyTable(ReactiveStringRedisTemplate redis, TopicFollower<AccessEvent> follower, MeterRegistry meters) {
        this.redis = redis;
        this.follower = follower;
        this.rebuilds = Counter.builder("ticklist.gateway.key-table.rebuilds")
                .description("times this instance rebuilt the API keys in Redis from the access topic").register(meters);
        this.rebuildTime = Timer.builder("ticklist.gateway.key-table.rebuild")
                .description("how long rebuilding the API keys in Redis took").register(meters);
    }

    /** Whether every key is in Redis; a key check without it cannot tell an unknown key from a lost one. */
    public Mono<Boolean> isComplete() {
        return redis.hasKey(COMPLETE);
    }

    /**
     * What a lookup of a key or link in Redis found, asked together with the table's completeness
     * (one round trip on Lettuce's shared connection): empty when it is not there, a 503
     * {@code keys-rebuilding} while the table is being refilled, never a false "not there".
     */
    public <T> Mono<T> lookUp(Mono<T> lookup) {
        return Mono.zip(lookup.map(Optional::of).defaultIfEmpty(Optional.empty()), isComplete())
                .flatMap(found -> found.getT2() ? Mono.justOrEmpty(found.getT1()) : Mono.error(rebuilding()));
    }

    private static ErrorResponseException rebuilding() {
        var problem = ProblemResponses.error(HttpStatus.SERVICE_UNAVAILABLE, "keys-rebuilding",
                "the gateway is restoring its API keys after its key store lost them; retry in a few seconds");
        problem.getHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
        return problem;
    }

    private boolean isCompleteNow() {
        try {
            return Boolean.TRUE.equals(isComplete().block(REDIS_WAIT));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Rebuilds the table unless it is complete; false if Redis cannot be reached. */
    boolean ensureComplete() {
        try {
            if (Boolean.TRUE.equals(isComplete().block(REDIS_WAIT))) {
                return true;
            }
            rebuild();
            return true;
        } catch (RuntimeException | TimeoutException e) {
            LOG.warn("Could not check or rebuild the API keys in Redis: {}", e.toString());
            return false;
        }
    }

    private void rebuild() throws TimeoutException {
        LOG.warn("Redis holds no complete API key table (restarted empty, flushed or failed over): rebuilding it "
                + "from the access topic; key checks answer 503 meanwhile");
        long started = System.nanoTime();
        String token = UUID.randomUUID().toString();
        redis.opsForValue().set(REBUILDING, token).block(REDIS_WAIT);
        follower.replayFromStart(REBUILD_LIMIT);
        Long completed = redis.execute(COMPLETE_IF_STILL_REBUILDING, List.of(REBUILDING, COMPLETE),
                List.of(token, Instant.now().toString())).next().block(REDIS_WAIT);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (completed != null && completed == 1) {
            rebuilds.increment();
            rebuildTime.record(took);
            LOG.info("Rebuilt the API keys in Redis in {} ms", took.toMillis());
        } else {
            LOG.warn("Redis lost the API keys again while they were rebuilt (or another instance finished first); "
                    + "checking again");
        }
    }

    /**
     * Before serving: the table is complete — rebuilt here, or by another instance rebuilding
     * at the same moment — or, if Redis cannot be reached for a while, left to the checks that
     * follow (key checks answer 503 meanwhile).
     */
    @Override
    public void start() {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        // Unreachable Redis: no wait here. Another instance's rebuild finishing first: check again.
        while (ensureComplete() && !isCompleteNow() && System.nanoTime() < deadline) {
            LOG.info("The API key table is not complete yet; checking again");
        }
        var scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("api-key-table").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::ensureComplete, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        checks = scheduler;
    }

    /** Right after the access topic's follower, before the web server. */
    @Override
    public int getPhase() {
        return follower.getPhase() + 1;
    }

    @Override
    public void stop() {
        var scheduler = checks;
        checks = null;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return checks != null;
    }
}
