package dev.ticklist.notification.delivery;

import java.time.Clock;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Which messages have been delivered, in Redis, so a redelivered milestone is not sent again.
 * One key per message, hash-tagged by organisation: {@code webhook:{<org>}:delivered:<messageId>}.
 * Derived data: the attempt events in Kafka say the same, and survive a wipe of Redis.
 */
@Component
class DeliveredMarkers {

    private final StringRedisTemplate redis;
    private final Clock clock;

    DeliveredMarkers(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    static String key(String organisationId, String messageId) {
        return "webhook:{" + organisationId + "}:delivered:" + messageId;
    }

    boolean isDelivered(String organisationId, String messageId) {
        return Boolean.TRUE.equals(redis.hasKey(key(organisationId, messageId)));
    }

    void markDelivered(String organisationId, String messageId) {
        redis.opsForValue().set(key(organisationId, messageId), clock.instant().toString());
    }
}
