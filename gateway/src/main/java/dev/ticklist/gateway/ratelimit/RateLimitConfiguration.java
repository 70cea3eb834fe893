package dev.ticklist.gateway.ratelimit;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Spring Cloud Gateway's Redis token bucket (one Lua script per request on the key's own hash
 * slot, {@code request_rate_limiter.{api.<key id>}.*}), with our defaults in place of its own.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    @Bean
    @Primary
    RedisRateLimiter redisRateLimiter(RateLimitProperties properties) {
        return new RedisRateLimiter(properties.replenishRate(), properties.burstCapacity(), 1);
    }

    /** The same buckets, taking a lease of tokens at once (RateLimitFilter, TokenLeases). */
    @Bean
    RedisRateLimiter leasingRateLimiter(RateLimitProperties properties) {
        return new RedisRateLimiter(properties.replenishRate(), properties.burstCapacity(),
                TokenLeases.leaseSize(properties.replenishRate(), properties.burstCapacity()));
    }

    @Bean
    Limiters rateLimiters(@Qualifier("redisRateLimiter") RedisRateLimiter redisRateLimiter,
                          @Qualifier("leasingRateLimiter") RedisRateLimiter leasingRateLimiter,
                          RateLimitProperties properties) {
        return new Limiters(redisRateLimiter, leasingRateLimiter,
                TokenLeases.leaseSize(properties.replenishRate(), properties.burstCapacity()));
    }

    /** One token a request, or a lease of {@code leaseSize} tokens. */
    record Limiters(RedisRateLimiter oneToken, RedisRateLimiter lease, int leaseSize) {
    }
}
