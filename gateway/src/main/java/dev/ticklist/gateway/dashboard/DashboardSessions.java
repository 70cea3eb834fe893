package dev.ticklist.gateway.dashboard;

import dev.ticklist.gateway.SecureRandomStrings;
import dev.ticklist.gateway.Sha256;
import java.time.Duration;
import java.util.regex.Pattern;
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
    private static final String TOKEN_PREFIX = "ds_";
    private static final int RANDOM_BYTES = 32;
    private static final Pattern TOKEN = Pattern.compile("ds_[A-Za-z0-9_-]{43}");

    private final ReactiveStringRedisTemplate redis;
    private final Duration lifetime;

    public DashboardSessions(ReactiveStringRedisTemplate redis, DashboardProperties properties) {
        this.redis = redis;
        this.lifetime = properties.sessionLifetime();
    }

    /** Stores the session and answers the token that names it, for the cookie. */
    public Mono<String> open(DashboardSession session) {
        String token = TOKEN_PREFIX + SecureRandomStrings.base64Url(RANDOM_BYTES);
        return redis.opsForValue().set(KEY_PREFIX + Sha256.hex(token), session.stored(), lifetime).thenReturn(token);
    }

    public Mono<DashboardSession> find(String token) {
        if (!TOKEN.matcher(token).matches()) {
            return Mono.empty();
        }
        return redis.opsForValue().get(KEY_PREFIX + Sha256.hex(token)).mapNotNull(
                stored -> DashboardSession.parse(stored).orElse(null));
    }

    public Mono<Void> close(String token) {
        return TOKEN.matcher(token).matches()
                ? redis.delete(KEY_PREFIX + Sha256.hex(token)).then()
                : Mono.empty();
    }

    public Duration lifetime() {
        return lifetime;
    }
}
