package dev.ticklist.progress.live;

import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Whether any instance has live streams open, kept in one sorted set (instance to the time its
 * entry expires): while nobody listens — most of the time — applying events publishes nothing
 * to the live channels. An instance with streams renews its entry every few seconds; one that
 * dies drops out when its entry expires.
 */
public class LiveListeners {

    static final String KEY = "progress-live:listening";
    private static final long ENTRY_MILLIS = 10_000;
    private static final long TRUST_YES_MILLIS = 1_000;

    private final StringRedisTemplate redis;
    private final String instance = UUID.randomUUID().toString();
    private volatile long yesUntil;

    public LiveListeners(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** This instance has streams open (called when one opens, and every few seconds while any is). */
    void listening() {
        redis.opsForZSet().add(KEY, instance, System.currentTimeMillis() + ENTRY_MILLIS);
    }

    /** This instance has no streams open any more. */
    void quiet() {
        redis.opsForZSet().remove(KEY, instance);
    }

    /** Whether any instance listens. A "yes" is trusted for a second; a "no" is asked again each time. */
    boolean anyone() {
        long now = System.currentTimeMillis();
        if (now < yesUntil) {
            return true;
        }
        Long live = redis.opsForZSet().count(KEY, now, Double.POSITIVE_INFINITY);
        if (live != null && live > 0) {
            yesUntil = now + TRUST_YES_MILLIS;
            return true;
        }
        return false;
    }
}
