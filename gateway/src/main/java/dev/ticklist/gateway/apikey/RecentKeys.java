package dev.ticklist.gateway.apikey;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Keys found in Redis in the last {@link #KEEP_NANOS}, by hash: a key making many requests is
 * looked up once every few seconds instead of twice per request (its entry and the table's
 * completeness were a fifth of the gateway's CPU per request, docs/benchmarks.md). A revocation
 * applied here, by this instance's API or by its replay of {@code ticklist.access}, forgets the
 * key at once; so a revoked key stops working on every instance as soon as it reads the
 * revocation, and after {@link #KEEP_NANOS} at the latest. Unknown keys are never remembered:
 * every miss still asks Redis (and its completeness), so a key table being rebuilt never gives a
 * false 401. Beyond {@link #MAX_KEYS} keys the table starts afresh.
 */
final class RecentKeys {

    static final long KEEP_NANOS = 5_000_000_000L;
    static final int MAX_KEYS = 100_000;

    private record Found(ApiKeyEntry entry, long until) {
    }

    private final ConcurrentHashMap<String, Found> found = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    RecentKeys(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    Optional<ApiKeyEntry> get(String sha256) {
        var known = found.get(sha256);
        if (known == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - known.until() > 0) {
            found.remove(sha256, known);
            return Optional.empty();
        }
        return Optional.of(known.entry());
    }

    void put(String sha256, ApiKeyEntry entry) {
        if (found.size() >= MAX_KEYS) {
            found.clear();
        }
        found.put(sha256, new Found(entry, nanoTime.getAsLong() + KEEP_NANOS));
    }

    void forget(String sha256) {
        found.remove(sha256);
    }
}
