package dev.ticklist.progress.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Announces applied progress changes to the live streams of every instance: each change is
 * published on its learner's and its cohort's channel, all of a batch in one pipeline. Best
 * effort: live updates must never hold up the projections, so a failure is logged and counted,
 * never thrown. A client that misses a change reads the projection again.
 */
public class LiveProgressPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(LiveProgressPublisher.class);
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final StringRedisTemplate redis;
    private final LiveListeners listeners;
    private final Counter announced;
    private final Counter failures;

    public LiveProgressPublisher(StringRedisTemplate redis, LiveListeners listeners, MeterRegistry meters) {
        this.redis = redis;
        this.listeners = listeners;
        this.announced = Counter.builder("ticklist.progress.live.announced")
                .description("progress changes published to the live channels").register(meters);
        this.failures = Counter.builder("ticklist.progress.live.announce.failures")
                .description("batches of progress changes that could not be published to the live channels")
                .register(meters);
    }

    /** Publishes the changes in order on their learners' and cohorts' channels; never throws. */
    public void announce(List<ProgressChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        try {
            if (!listeners.anyone()) {
                return;
            }
            redis.executePipelined((RedisCallback<Object>) connection -> {
                for (ProgressChange change : changes) {
                    byte[] message = JSON.writeValueAsBytes(change);
                    connection.publish(bytes(LiveChannels.learner(change.organisationId(), change.learnerId())), message);
                    connection.publish(bytes(LiveChannels.cohort(change.organisationId(), change.cohortId())), message);
                }
                return null;
            });
            announced.increment(changes.size());
        } catch (RuntimeException e) {
            failures.increment();
            LOG.warn("{} progress changes were not announced to live streams: {}", changes.size(), e.toString());
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
