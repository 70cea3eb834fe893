package dev.ticklist.checklist.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Responses of requests sent with an Idempotency-Key, per organisation, kept for 24 hours in
 * Redis. They are a convenience for clients that retry, not a record: the events themselves are
 * in Kafka, and a Redis wipe only means a retry after it runs again (ticking twice changes nothing).
 */
@Component
class IdempotencyStore {

    static final Duration KEEP = Duration.ofHours(24);

    /** Claims the key for a first run, or tells what an earlier request with it left. */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> CLAIM = RedisScript.of("""
            if redis.call('HSETNX', KEYS[1], 'fingerprint', ARGV[1]) == 1 then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
              return {'first'}
            end
            local stored = redis.call('HMGET', KEYS[1], 'fingerprint', 'status', 'contentType', 'body')
            if stored[1] ~= ARGV[1] then return {'mismatch'} end
            if not stored[2] then return {'in-progress'} end
            return {'replay', stored[2], stored[3] or '', stored[4] or ''}
            """, List.class);

    private final StringRedisTemplate redis;

    IdempotencyStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    sealed interface Claim {
        record First() implements Claim {
        }

        record InProgress() implements Claim {
        }

        record Mismatch() implements Claim {
        }

        record Replay(int status, String contentType, String body) implements Claim {
        }
    }

    Claim claim(String organisationId, String key, String fingerprint) {
        List<?> result = redis.execute(CLAIM, List.of(redisKey(organisationId, key)), fingerprint,
                Long.toString(KEEP.toMillis()));
        return switch ((String) result.getFirst()) {
            case "first" -> new Claim.First();
            case "mismatch" -> new Claim.Mismatch();
            case "in-progress" -> new Claim.InProgress();
            default -> new Claim.Replay(Integer.parseInt((String) result.get(1)), (String) result.get(2),
                    (String) result.get(3));
        };
    }

    void complete(String organisationId, String key, int status, String contentType, String body) {
        redis.opsForHash().putAll(redisKey(organisationId, key), Map.of(
                "status", Integer.toString(status),
                "contentType", contentType == null ? "application/json" : contentType,
                "body", body));
    }

    void release(String organisationId, String key) {
        redis.delete(redisKey(organisationId, key));
    }

    static String fingerprint(String method, String uri, String query, byte[] body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + uri + "?" + (query == null ? "" : query) + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The organisation is the hash tag: keys of different organisations never meet. */
    private static String redisKey(String organisationId, String key) {
        return "idempotency:{" + organisationId + "}:" + fingerprint("", key, null, new byte[0]);
    }
}
