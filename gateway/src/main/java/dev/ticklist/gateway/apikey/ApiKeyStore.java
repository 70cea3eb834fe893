package dev.ticklist.gateway.apikey;

import dev.ticklist.events.access.ApiKeyIssued;
import dev.ticklist.events.access.ApiKeyRevoked;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveHashOperations;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Known keys in Redis: one hash per key under {@code gateway:api-key:<sha256>} for
 * authentication (kept, marked {@code revoked}, after a revocation), and one hash per organisation, {@code gateway:{<org>}:api-keys}, listing its
 * keys (id → hash, prefix, scopes, issue time). Derived data: every entry comes from an access
 * event, so a wiped Redis is refilled by replay. Each step writes one key, so every step
 * touches a single hash slot (Redis-Cluster ready).
 */
@Component
public class ApiKeyStore {

    public static final String KEY_PREFIX = "gateway:api-key:";
    static final String ORGANISATION = "organisationId";
    static final String KEY_ID = "keyId";
    static final String PREFIX = "prefix";
    static final String SCOPES = "scopes";
    /** Set by a revocation and never removed: a later replay of the issue cannot revive the key. */
    static final String REVOKED = "revoked";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyStore.class);

    private final ReactiveHashOperations<String, String, String> hashes;
    private final ReactiveStringRedisTemplate redis;
    private final RecentKeys recent = new RecentKeys(System::nanoTime);

    public ApiKeyStore(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
        this.hashes = redis.opsForHash();
    }

    static String organisationKeys(String organisationId) {
        return "gateway:{" + organisationId + "}:api-keys";
    }

    public Mono<ApiKeyEntry> find(String sha256) {
        return hashes.entries(KEY_PREFIX + sha256)
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .filter(fields -> !fields.isEmpty() && !fields.containsKey(REVOKED))
                .mapNotNull(fields -> read(sha256, fields))
                .doOnNext(entry -> recent.put(sha256, entry));
    }

    /** A key found in the last few seconds and not revoked since ({@link RecentKeys}), without asking Redis. */
    public Optional<ApiKeyEntry> recentlyFound(String sha256) {
        return recent.get(sha256);
    }

    /** The organisation's keys that still work, in no particular order. */
    public Flux<ListedApiKey> list(String organisationId) {
        return hashes.entries(organisationKeys(organisationId))
                .mapNotNull(field -> ListedApiKey.parse(field.getKey(), field.getValue()));
    }

    public Mono<ListedApiKey> find(String organisationId, String keyId) {
        return hashes.get(organisationKeys(organisationId), keyId)
                .mapNotNull(value -> ListedApiKey.parse(keyId, value));
    }

    /**
     * Writes the entry the event describes; writing it again changes nothing. An event that
     * describes no valid key fails with {@link IllegalArgumentException}.
     */
    public Mono<Void> save(ApiKeyIssued issued, Instant issuedAt) {
        return Mono.fromSupplier(() -> entryOf(issued))
                .flatMap(entry -> hashes.putAll(KEY_PREFIX + issued.sha256(), Map.of(
                                ORGANISATION, entry.organisationId(),
                                KEY_ID, entry.keyId(),
                                PREFIX, entry.prefix(),
                                SCOPES, String.join(" ", entry.scopeValues())))
                        .then(hashes.hasKey(KEY_PREFIX + issued.sha256(), REVOKED))
                        .flatMap(revoked -> revoked ? Mono.empty()
                                : hashes.put(organisationKeys(entry.organisationId()), entry.keyId(),
                                        new ListedApiKey(entry.keyId(), issued.sha256(), entry.prefix(),
                                                entry.scopeValues(), issuedAt).value())))
                .then();
    }

    /**
     * The key stops authenticating first, then leaves the organisation's list. Its entry stays,
     * marked revoked: another instance replaying the access topic from its start writes the issue
     * again before it reaches the revocation, and must not bring the key back meanwhile.
     */
    public Mono<Void> revoke(ApiKeyRevoked revoked) {
        recent.forget(revoked.sha256());
        return hashes.put(KEY_PREFIX + revoked.sha256(), REVOKED, "true")
                // Again once marked: a request that found the key meanwhile may have remembered it.
                .doOnSuccess(marked -> recent.forget(revoked.sha256()))
                .then(hashes.remove(organisationKeys(revoked.organisationId()), revoked.keyId()))
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
