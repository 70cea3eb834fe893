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
        String key = "webhook:{" + organisationId + "}:claim:" + messageId + ":" + attempt;
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, "1", lease));
    }
}
