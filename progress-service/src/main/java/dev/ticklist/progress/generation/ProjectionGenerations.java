package dev.ticklist.progress.generation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Which generation of the projections this instance builds, and which one queries read. Every
 * projection key names its generation, so a rebuild (a new generation, in a consumer group of
 * its own) runs beside the live projections, and reads move to it in one step when it has
 * caught up: no gap, no mix.
 */
public class ProjectionGenerations {

    /** The generation queries read; absent until a rebuild first takes over. */
    static final String SERVING_KEY = "progress:serving-generation";
    private static final Pattern NAME = Pattern.compile("^[a-z0-9]{1,16}$");
    private static final Duration CACHE = Duration.ofSeconds(1);

    private final String built;
    private final String initial;
    private final StringRedisTemplate redis;
    private final Clock clock;
    private volatile String serving;
    private volatile Instant servingReadAt = Instant.MIN;

    /**
     * @param built   the generation this instance builds
     * @param initial the generation read while no rebuild has taken over yet
     */
    public ProjectionGenerations(String built, String initial, StringRedisTemplate redis, Clock clock) {
        this.built = requireName(built);
        this.initial = requireName(initial);
        this.redis = redis;
        this.clock = clock;
    }

    public String built() {
        return built;
    }

    /** The generation queries read, at most a second old. */
    public String serving() {
        Instant now = clock.instant();
        if (serving == null || now.isAfter(servingReadAt.plus(CACHE))) {
            String stored = redis.opsForValue().get(SERVING_KEY);
            serving = stored == null ? initial : stored;
            servingReadAt = now;
        }
        return serving;
    }

    public boolean isServing() {
        return built.equals(serving());
    }

    /** Reads move to the generation this instance built. */
    public void takeOver() {
        redis.opsForValue().set(SERVING_KEY, built);
        serving = built;
        servingReadAt = clock.instant();
    }

    private static String requireName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a projection generation is 1 to 16 lowercase letters or digits, not '"
                    + name + "'");
        }
        return name;
    }
}
