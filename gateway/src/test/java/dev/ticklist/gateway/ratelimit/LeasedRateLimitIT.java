package dev.ticklist.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.gateway.GatewayIT;
import dev.ticklist.testsupport.Infrastructure;
import io.lettuce.core.RedisClient;
import java.util.ArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shared context's allowance: 20 a second, 40 at once, so leases of 2 tokens. */
class LeasedRateLimitIT extends GatewayIT {

    private static final Pattern EVALSHA_CALLS = Pattern.compile("cmdstat_evalsha:calls=(\\d+)");

    @Test
    void aKeysRequestsCountOneTokenEachWhileRedisIsAskedOncePerLease() {
        var acme = createOrganisation("Lease Academy");
        long scriptsBefore = scriptCalls();

        var remaining = new ArrayList<String>();
        for (int i = 0; i < 20; i++) {
            var answer = gateway.get("/api/v1/cohorts", "X-Api-Key", acme.apiKey());
            assertThat(answer.status()).isEqualTo(200);
            remaining.add(answer.headers().firstValue("RateLimit-Remaining").orElseThrow());
        }

        // One token a request: 39 after the first, never below 40 - 20 (the bucket refills meanwhile,
        // and a new lease reports the refill since the last one).
        assertThat(Long.parseLong(remaining.getFirst())).isEqualTo(39);
        assertThat(remaining).allSatisfy(left -> assertThat(Long.parseLong(left)).isBetween(20L, 39L));
        // Half the scripts of one per request: a lease of 2 serves two requests.
        assertThat(scriptCalls() - scriptsBefore).isBetween(10L, 14L);
    }

    private static long scriptCalls() {
        var client = RedisClient.create(Infrastructure.shared().redisUrl());
        try (var connection = client.connect()) {
            var matcher = EVALSHA_CALLS.matcher(connection.sync().info("commandstats"));
            return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
        } finally {
            client.shutdown();
        }
    }
}
