package dev.ticklist.notification.delivery;

import java.time.Duration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Which instance makes an attempt: the first to set {@code webhook:{<org>}:claim:<message>:<attempt>}.
 * Every instance folds the same pending messages; the claim keeps them from attempting one
 * message twice. It expires, so an attempt whose instance died is made again, with the same id.
 */
@Component
class DeliveryClaims {

    private final StringRedisTemplate redis;

    DeliveryClaims(StringRedisTemplate redis) {
        this.redis = redis;
    }

    boolean claim(String organisationId, String messageId, int attempt, Duration lease) {
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key(organisationId, messageId, attempt), "1", lease));
    }

    /** Keeps a claim for longer: the attempt is made, and its record is still being written. */
    void extend(String organisationId, String messageId, int attempt, Duration lease) {
        redis.expire(key(organisationId, messageId, attempt), lease);
    }

    private static String key(String organisationId, String messageId, int attempt) {
        return "webhook:{" + organisationId + "}:claim:" + messageId + ":" + attempt;
    }
}
