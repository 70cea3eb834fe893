package dev.ticklist.progress.live;

import dev.ticklist.platform.web.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open live streams of this instance: at most {@code maxStreams}, each kept alive by a
 * heartbeat comment, all ended when the instance stops (so a graceful shutdown does not wait for
 * them, and clients reconnect to another instance).
 */
final class ProgressStreams implements SmartLifecycle, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressStreams.class);
    private static final long SUBSCRIBE_WAIT_SECONDS = 5;
    private static final Set<DataWithMediaType> HEARTBEAT = build(SseEmitter.event().comment("heartbeat"));
    /** The first bytes of every stream: the client's reconnection delay, and "subscribed". */
    private static final Set<DataWithMediaType> OPENED = build(SseEmitter.event().reconnectTime(3_000).comment("subscribed"));

    private final ChannelSubscriptions subscriptions;
    private final LiveProgressProperties properties;
    private final Set<ProgressStream> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger reserved = new AtomicInteger();
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final Counter refused;
    private volatile ScheduledExecutorService heartbeats;

    ProgressStreams(ChannelSubscriptions subscriptions, LiveProgressProperties properties, MeterRegistry meters) {
        this.subscriptions = subscriptions;
        this.properties = properties;
        this.refused = Counter.builder("ticklist.progress.live.streams.refused")
                .description("live streams refused because the instance had its maximum open, or Redis could not subscribe")
                .register(meters);
        Gauge.builder("ticklist.progress.live.streams", open, Set::size)
                .description("open live progress streams").register(meters);
        Gauge.builder("ticklist.progress.live.channels", subscriptions, ChannelSubscriptions::subscribedChannels)
                .description("Redis channels this instance is subscribed to for live streams").register(meters);
    }

    /**
     * A stream of the changes published on {@code channel} from now on.
     *
     * @throws ErrorResponseException 503 when this instance has its maximum of streams open, or
     *                                Redis does not confirm the subscription in time
     */
    SseEmitter open(String channel) {
        if (reserved.incrementAndGet() > properties.maxStreams()) {
            reserved.decrementAndGet();
            refused.increment();
            throw unavailable("too-many-streams", "this instance has its maximum of "
                    + properties.maxStreams() + " live streams open; try again shortly");
        }
        var stream = new ProgressStream(channel, new SseEmitter(properties.streamTimeout().toMillis()), senders,
                properties.maxQueuedEvents(), this::closed);
        try {
            subscriptions.join(stream).get(SUBSCRIBE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("could not subscribe to {}: {}", channel, e.getCause() == null ? e.toString() : e.getCause().toString());
            stream.complete();
            refused.increment();
            throw unavailable("live-unavailable", "live progress is unavailable right now; try again shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stream.complete();
            throw unavailable("live-unavailable", "live progress is unavailable right now; try again shortly");
        }
        // First in the stream, so no heartbeat comes before it.
        stream.offer(OPENED);
        open.add(stream);
        if (stream.isClosed()) {
            open.remove(stream);
        }
        return stream.emitter();
    }

    int openStreams() {
        return open.size();
    }

    /** Called once per stream, however it ended. */
    private void closed(ProgressStream stream) {
        open.remove(stream);
        reserved.decrementAndGet();
        subscriptions.leave(stream);
    }

    private void heartbeat() {
        open.forEach(stream -> stream.offer(HEARTBEAT));
    }

    @Override
    public void start() {
        var scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("progress-live-heartbeat").daemon().factory());
        long every = properties.heartbeat().toMillis();
        scheduler.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        heartbeats = scheduler;
    }

    @Override
    public void stop() {
        var scheduler = heartbeats;
        heartbeats = null;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        List.copyOf(open).forEach(ProgressStream::complete);
    }

    @Override
    public void close() {
        senders.shutdown();
    }

    @Override
    public boolean isRunning() {
        return heartbeats != null;
    }

    /** Stops before the web server's graceful shutdown, which would otherwise wait for open streams. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    private static ErrorResponseException unavailable(String code, String detail) {
        var problem = Problems.unavailable(code, detail);
        problem.getHeaders().set("Retry-After", "5");
        return problem;
    }

    private static Set<DataWithMediaType> build(SseEmitter.SseEventBuilder event) {
        return Collections.unmodifiableSet(event.build());
    }
}
