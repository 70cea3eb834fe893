package dev.ticklist.gateway.apikey;

import dev.ticklist.events.access.ApiKeyIssued;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveHashOperations;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Known keys in Redis, one hash per key under {@code gateway:api-key:<sha256>}. Derived data:
 * every entry comes from an {@link ApiKeyIssued} event, so a wiped Redis is refilled by replay.
 * One key per entry, so every step touches a single hash slot (Redis-Cluster ready).
 */
@Component
public class ApiKeyStore {

    public static final String KEY_PREFIX = "gateway:api-key:";
    static final String ORGANISATION = "organisationId";
    static final String KEY_ID = "keyId";
    static final String PREFIX = "prefix";
    static final String SCOPES = "scopes";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyStore.class);

    private final ReactiveHashOperations<String, String, String> hashes;

    public ApiKeyStore(ReactiveStringRedisTemplate redis) {
        this.hashes = redis.opsForHash();
    }

    public Mono<ApiKeyEntry> find(String sha256) {
        return hashes.entries(KEY_PREFIX + sha256)
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .filter(fields -> !fields.isEmpty())
                .mapNotNull(fields -> read(sha256, fields));
    }

    /**
     * Writes the entry the event describes; writing it again changes nothing. An event that
     * describes no valid key fails with {@link IllegalArgumentException}.
     */
    public Mono<Void> save(ApiKeyIssued issued) {
        return Mono.fromSupplier(() -> entryOf(issued))
                .flatMap(entry -> hashes.putAll(KEY_PREFIX + issued.sha256(), Map.of(
                        ORGANISATION, entry.organisationId(),
                        KEY_ID, entry.keyId(),
                        PREFIX, entry.prefix(),
                        SCOPES, String.join(" ", entry.scopeValues()))))
                .then();
    }

    private static ApiKeyEntry entryOf(ApiKeyIssued issued) {
        if (issued.sha256() == null || !SHA256_HEX.matcher(issued.sha256()).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits");
        }
        return ApiKeyEntry.of(issued);
    }

    private static ApiKeyEntry read(String sha256, Map<String, String> fields) {
        try {
            return new ApiKeyEntry(fields.get(ORGANISATION), fields.get(KEY_ID), fields.get(PREFIX),
                    ApiKeyEntry.parseScopes(Arrays.asList(fields.getOrDefault(SCOPES, "").split(" "))));
        } catch (RuntimeException e) {
            // Not written by this gateway: refuse the key rather than guess what it may do.
            LOG.error("Ignoring the unreadable entry {}{}: {}", KEY_PREFIX, sha256, e.getMessage());
            return null;
        }
    }
}
