package dev.ticklist.gateway.ratelimit;

import dev.ticklist.gateway.apikey.ApiKeyAuthentication;
import dev.ticklist.gateway.problem.ProblemResponses;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
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
 * <p>While Redis is unreachable, keys cannot be verified and the request has already been
 * answered with 503; should the bucket alone fail, the request goes through (the library's
 * choice, kept: a limiter outage should not become an API outage).
 */
@Component
class RateLimitFilter implements WebFilter, Ordered {

    /** The bucket configuration's name; every key has the same allowance. */
    private static final String ALLOWANCE = "api";

    private final RedisRateLimiter limiter;
    private final ProblemResponses problems;
    private final RateLimitProperties properties;

    RateLimitFilter(RedisRateLimiter limiter, ProblemResponses problems, RateLimitProperties properties) {
        this.limiter = limiter;
        this.problems = problems;
        this.properties = properties;
    }

    @Override
    public int getOrder() {
        return 0; // after Spring Security's chain (-100), which puts the verified key in the context
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // Keyed on the verified key, not on the path: an encoded path (/%61pi/…) is still /api/ to
        // the security rules and the routes, and must cost a token too.
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(ApiKeyAuthentication.class::isInstance)
                .map(authentication -> Optional.of(((ApiKeyAuthentication) authentication).apiKey().keyId()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(keyId -> keyId.isEmpty() ? chain.filter(exchange)
                        : limiter.isAllowed(ALLOWANCE, keyId.get())
                                .flatMap(response -> answer(exchange, chain, response)));
    }

    private Mono<Void> answer(ServerWebExchange exchange, WebFilterChain chain, RateLimiter.Response response) {
        long remaining = Long.parseLong(response.getHeaders().getOrDefault(RedisRateLimiter.REMAINING_HEADER, "-1"));
        HttpHeaders headers = exchange.getResponse().getHeaders();
        String secondsToNextToken = Long.toString(Math.max(1, (long) Math.ceil(1.0 / properties.replenishRate())));
        if (remaining >= 0) { // -1: the bucket could not be read
            headers.set("RateLimit-Limit", Integer.toString(properties.burstCapacity()));
            headers.set("RateLimit-Remaining", Long.toString(remaining));
            headers.set("RateLimit-Reset", remaining > 0 ? "0" : secondsToNextToken);
        }
        if (response.isAllowed()) {
            return chain.filter(exchange);
        }
        headers.set(HttpHeaders.RETRY_AFTER, secondsToNextToken);
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "this API key made more than " + properties.burstCapacity() + " requests at once or more than "
                        + properties.replenishRate() + " per second for a while; retry after the Retry-After seconds");
    }
}
