package dev.ticklist.gateway.dashboard;

import dev.ticklist.gateway.Sha256;
import dev.ticklist.gateway.TokenFormat;
import java.time.Duration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Open dashboard sessions, in Redis under the SHA-256 of their token, each expiring on its own
 * after the configured time. Redis losing them signs every dashboard out; nothing else is lost.
 */
@Component
public class DashboardSessions {

    static final String KEY_PREFIX = "gateway:dashboard-session:";
    private static final TokenFormat TOKEN = new TokenFormat("ds_");

    private final ReactiveStringRedisTemplate redis;
    private final Duration lifetime;

    public DashboardSessions(ReactiveStringRedisTemplate redis, DashboardProperties properties) {
        this.redis = redis;
        this.lifetime = properties.sessionLifetime();
    }

    /**
     * Stores the session and answers the token that names it, for the cookie. It lasts the
     * configured lifetime, or less when {@code atMost} is shorter (a link expiring sooner).
     */
    public Mono<String> open(DashboardSession session, Duration atMost) {
        String token = TOKEN.generate();
        Duration lasts = atMost.compareTo(lifetime) < 0 ? atMost : lifetime;
        return redis.opsForValue().set(KEY_PREFIX + Sha256.hex(token), session.stored(), lasts).thenReturn(token);
    }

    public Mono<DashboardSession> find(String token) {
        if (!TOKEN.matches(token)) {
            return Mono.empty();
        }
        return redis.opsForValue().get(KEY_PREFIX + Sha256.hex(token)).mapNotNull(
                stored -> DashboardSession.parse(stored).orElse(null));
    }

    public Mono<Void> close(String token) {
        return TOKEN.matches(token)
                ? redis.delete(KEY_PREFIX + Sha256.hex(token)).then()
                : Mono.empty();
    }

    public Duration lifetime() {
        return lifetime;
    }
}
