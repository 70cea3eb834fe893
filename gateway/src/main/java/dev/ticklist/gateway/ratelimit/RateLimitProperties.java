package dev.ticklist.gateway.ratelimit;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * A token bucket per API key.
 *
 * @param replenishRate tokens added per second: the sustained requests per second of one key
 * @param burstCapacity the bucket's size: how many requests one key may make at once
 */
@Validated
@ConfigurationProperties("ticklist.gateway.rate-limit")
public record RateLimitProperties(
        @Min(1) @DefaultValue("20") int replenishRate,
        @Min(1) @DefaultValue("40") int burstCapacity) {
}
