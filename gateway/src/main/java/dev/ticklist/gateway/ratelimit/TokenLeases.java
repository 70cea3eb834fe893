package dev.ticklist.gateway.ratelimit;

import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Tokens this gateway instance took from a key's bucket in Redis in one go, spent here one per
 * request until they run out or {@link #LIFETIME_NANOS} passes: a key making many requests costs
 * one Redis script per lease instead of one per request. Leased tokens count as spent in Redis,
 * so no key ever gets more than its allowance; a lease left unspent is lost when it lapses (the
 * key is refused at most one lease earlier than its bucket alone would).
 */
final class TokenLeases {

    static final long LIFETIME_NANOS = 1_000_000_000L;
    /** Beyond this many keys with leases the table starts afresh (their leases are lost, not granted). */
    static final int MAX_KEYS = 100_000;

    private record Lease(AtomicLong left, long bucketAfter, long until) {
    }

    private final ConcurrentHashMap<String, Lease> leases = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    TokenLeases(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** How many tokens to lease at once: a tenth of the smaller of rate and burst, at least 1. */
    static int leaseSize(int replenishRate, int burstCapacity) {
        return Math.max(1, Math.min(replenishRate, burstCapacity) / 10);
    }

    /** Takes a token of the key's lease: the tokens it then has left in all (bucket and lease), or empty. */
    OptionalLong take(String keyId) {
        var lease = leases.get(keyId);
        if (lease == null || nanoTime.getAsLong() - lease.until() > 0) {
            return OptionalLong.empty();
        }
        long left = lease.left().decrementAndGet();
        return left < 0 ? OptionalLong.empty() : OptionalLong.of(lease.bucketAfter() + left);
    }

    /** A lease of {@code size} tokens was granted, leaving {@code bucketAfter} in the bucket; one is spent now. */
    long granted(String keyId, int size, long bucketAfter) {
        if (leases.size() >= MAX_KEYS) {
            leases.clear();
        }
        leases.put(keyId, new Lease(new AtomicLong(size - 1), bucketAfter, nanoTime.getAsLong() + LIFETIME_NANOS));
        return bucketAfter + size - 1;
    }
}
