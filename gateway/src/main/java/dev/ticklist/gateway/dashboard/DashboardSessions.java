package dev.ticklist.gateway.dashboard;

import dev.ticklist.gateway.Sha256;
import dev.ticklist.gateway.TokenFormat;
import java.time.Clock;
import java.time.Duration;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Open dashboard sessions, in Redis under the SHA-256 of their token, each expiring on its own
 * after the configured time. Redis losing them signs every dashboard out; nothing else is lost.
 * A key or link holds at most {@code max-sessions-per-credential} of them (the oldest closes
 * first): whoever holds one cannot fill Redis with sessions. Each is listed, by the hash of its
 * token and when it opened, in a sorted set per credential; each step writes one Redis key.
 */
@Component
public class DashboardSessions {

    static final String KEY_PREFIX = "gateway:dashboard-session:";
    static final String OPENED_PREFIX = "gateway:dashboard-sessions-of:";
    private static final TokenFormat TOKEN = new TokenFormat("ds_");

    private final ReactiveStringRedisTemplate redis;
    private final Duration lifetime;
    private final int maxPerCredential;
    private final Clock clock;

    public DashboardSessions(ReactiveStringRedisTemplate redis, DashboardProperties properties, Clock clock) {
        this.redis = redis;
        this.lifetime = properties.sessionLifetime();
        this.maxPerCredential = properties.maxSessionsPerCredential();
        this.clock = clock;
    }

    /**
     * Stores the session and answers the token that names it, for the cookie. It lasts the
     * configured lifetime, or less when {@code atMost} is shorter (a link expiring sooner).
     */
    public Mono<String> open(DashboardSession session, Duration atMost) {
        String token = TOKEN.generate();
        String tokenSha256 = Sha256.hex(token);
        Duration lasts = atMost.compareTo(lifetime) < 0 ? atMost : lifetime;
        long now = clock.millis();
        String opened = OPENED_PREFIX + session.credentialSha256();
        var sessionsOf = redis.opsForZSet();
        return redis.opsForValue().set(KEY_PREFIX + tokenSha256, session.stored(), lasts)
                .then(sessionsOf.add(opened, tokenSha256, now))
                .then(redis.expire(opened, lifetime))
                // Sessions older than the lifetime have expired by themselves.
                .then(sessionsOf.removeRangeByScore(opened, Range.closed(0.0, (double) (now - lifetime.toMillis()))))
                .then(sessionsOf.size(opened))
                .flatMap(open -> open <= maxPerCredential ? Mono.empty()
                        : sessionsOf.popMin(opened, open - maxPerCredential)
                                .flatMap(oldest -> redis.delete(KEY_PREFIX + oldest.getValue()))
                                .then())
                .thenReturn(token);
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
