package dev.ticklist.gateway.ratelimit;

import dev.ticklist.gateway.problem.ProblemResponses;
import dev.ticklist.gateway.security.VerifiedCaller;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Takes one token from the calling key's bucket for every request made with an API key, after the
 * key is verified (so unknown keys cost nothing) and before anything is routed or answered.
 * Every answer says where the key stands ({@code RateLimit-Limit}, {@code -Remaining},
 * {@code -Reset}); an empty bucket gets 429 with {@code Retry-After}. Buckets are per key, so
 * one organisation exhausting its own never slows another's.
 *
 * <p>A key's tokens are taken from Redis a lease at a time ({@link TokenLeases}: a tenth of its
 * allowance, for at most a second) and spent here; when its bucket holds less than a lease, one
 * token per request, as the bucket alone would. So a key that makes many requests costs one
 * Redis script per lease, not per request (the script was a third of the gateway's CPU per
 * request, docs/benchmarks.md), and still never gets more than its allowance.
 *
 * <p>While Redis is unreachable, keys cannot be verified and the request has already been
 * answered with 503; should the bucket alone fail, the request goes through (the library's
 * choice, kept: a limiter outage should not become an API outage).
 */
@Component
class RateLimitFilter implements WebFilter, Ordered {

    /** The bucket configuration's name; every key has the same allowance. */
    private static final String ALLOWANCE = "api";

    private final RedisRateLimiter limiter;
    private final RedisRateLimiter leaser;
    private final int leaseSize;
    private final TokenLeases leases = new TokenLeases(System::nanoTime);
    private final ConcurrentHashMap<String, Mono<Long>> leasing = new ConcurrentHashMap<>();
    private final ProblemResponses problems;
    private final RateLimitProperties properties;
    private final String burstCapacity;
    private final String secondsToNextToken;

    RateLimitFilter(RateLimitConfiguration.Limiters limiters, ProblemResponses problems, RateLimitProperties properties) {
        this.limiter = limiters.oneToken();
        this.leaser = limiters.lease();
        this.leaseSize = limiters.leaseSize();
        this.problems = problems;
        this.properties = properties;
        this.burstCapacity = Integer.toString(properties.burstCapacity());
        this.secondsToNextToken = Long.toString(Math.max(1, (long) Math.ceil(1.0 / properties.replenishRate())));
    }

    @Override
    public int getOrder() {
        return 0; // after Spring Security's chain (-100), which puts the verified key in the context
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // Keyed on the verified key, not on the path: an encoded path (/%61pi/…) is still /api/ to
        // the security rules and the routes, and must cost a token too.
        var caller = VerifiedCaller.organisationCaller(exchange);
        if (caller.isEmpty()) {
            return chain.filter(exchange);
        }
        String keyId = caller.get().rateLimitBucket();
        var leased = leases.take(keyId);
        if (leased.isPresent()) { // most requests: a token of this instance's lease, no Redis call
            return answer(exchange, chain, leased.getAsLong());
        }
        return limit(keyId).flatMap(remaining -> answer(exchange, chain, remaining));
    }

    /** The tokens left once this request took one (no lease at hand), or -1 if it may not pass. */
    private Mono<Long> limit(String keyId) {
        if (leaseSize == 1) {
            return oneToken(keyId);
        }
        // One lease asked at a time per key: requests arriving meanwhile wait for it and spend it,
        // rather than each taking a lease of its own and emptying the bucket between them.
        var asked = new boolean[1];
        Mono<Long> lease = leasing.computeIfAbsent(keyId, key -> {
            asked[0] = true;
            return newLease(key);
        });
        if (asked[0]) {
            return lease;
        }
        return lease.then(Mono.defer(() -> {
            var left = leases.take(keyId);
            return left.isPresent() ? Mono.just(left.getAsLong()) : oneToken(keyId);
        }));
    }

    private Mono<Long> newLease(String keyId) {
        var holder = new AtomicReference<Mono<Long>>();
        Mono<Long> lease = leaser.isAllowed(ALLOWANCE, keyId).flatMap(granted -> {
            long bucketAfter = remainingOf(granted);
            if (granted.isAllowed() && bucketAfter >= 0) {
                return Mono.just(leases.granted(keyId, leaseSize, bucketAfter));
            }
            return granted.isAllowed() ? Mono.just(-2L) : oneToken(keyId); // -2: allowed, bucket unreadable
        }).doFinally(signal -> leasing.remove(keyId, holder.get())).cache();
        holder.set(lease);
        return lease;
    }

    private Mono<Long> oneToken(String keyId) {
        return limiter.isAllowed(ALLOWANCE, keyId).map(response -> {
            long remaining = remainingOf(response);
            return !response.isAllowed() ? -1L : remaining < 0 ? -2L : remaining;
        });
    }

    private static long remainingOf(RateLimiter.Response response) {
        return Long.parseLong(response.getHeaders().getOrDefault(RedisRateLimiter.REMAINING_HEADER, "-1"));
    }

    /** {@code remaining}: tokens left (allowed), -1 (refused) or -2 (allowed, the bucket could not be read). */
    private Mono<Void> answer(ServerWebExchange exchange, WebFilterChain chain, long remaining) {
        boolean allowed = remaining != -1;
        HttpHeaders headers = exchange.getResponse().getHeaders();
        if (remaining != -2) {
            long left = Math.max(0, remaining);
            headers.set("RateLimit-Limit", burstCapacity);
            headers.set("RateLimit-Remaining", Long.toString(left));
            headers.set("RateLimit-Reset", left > 0 ? "0" : secondsToNextToken);
        }
        if (allowed) {
            return chain.filter(exchange);
        }
        headers.set(HttpHeaders.RETRY_AFTER, secondsToNextToken);
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "this API key made more than " + properties.burstCapacity() + " requests at once or more than "
                        + properties.replenishRate() + " per second for a while; retry after the Retry-After seconds");
    }
}
