package dev.ticklist.gateway.apikey;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.Topics;
import dev.ticklist.events.access.AccessEvent;
import dev.ticklist.events.access.ApiKeyIssued;
import dev.ticklist.events.access.ApiKeyRevoked;
import dev.ticklist.events.access.ShareLinkCreated;
import dev.ticklist.events.access.ShareLinkRevoked;
import dev.ticklist.gateway.sharelink.ShareLinkStore;
import dev.ticklist.platform.kafka.KafkaEventsConfiguration.TopicFollowers;
import dev.ticklist.platform.kafka.TopicFollower;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.util.retry.Retry;

/**
 * Every instance reads the whole access topic from its start and writes each issued key and
 * share link into Redis (and marks each revoked one), so keys issued or revoked elsewhere take effect here; when
 * Redis loses the keys, {@link ApiKeyTable} notices and has the topic read again.
 */
@Configuration(proxyBeanMethods = false)
public class ApiKeyReplay {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyReplay.class);

    /** Redis being away must not skip an event: wait for it, however long it takes. */
    private static final Retry UNTIL_REDIS_TAKES_IT = Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200))
            .maxBackoff(Duration.ofSeconds(5))
            .filter(error -> !(error instanceof IllegalArgumentException))
            .doBeforeRetry(signal -> LOG.warn("Could not write an API key to Redis (attempt {}): {}",
                    signal.totalRetries() + 1, signal.failure().toString()));

    @Bean
    TopicFollower<AccessEvent> accessTopicFollower(TopicFollowers followers, ApiKeyStore store, ShareLinkStore links) {
        return followers.follow(Topics.ACCESS, envelope -> apply(store, links, envelope));
    }

    @Bean
    ApiKeyTable apiKeyTable(ReactiveStringRedisTemplate redis, TopicFollower<AccessEvent> accessTopicFollower,
                            MeterRegistry meters) {
        return new ApiKeyTable(redis, accessTopicFollower, meters);
    }

    static void apply(ApiKeyStore store, ShareLinkStore links, EventEnvelope<AccessEvent> envelope) {
        switch (envelope.event()) {
            case ApiKeyIssued issued -> {
                try {
                    store.save(issued, envelope.time()).retryWhen(UNTIL_REDIS_TAKES_IT).block();
                } catch (IllegalArgumentException e) {
                    // Grants nothing rather than stopping the follower (and every later key) on one event.
                    LOG.error("Skipping event {}: it describes no valid API key ({})", envelope.id(), e.getMessage());
                }
            }
            case ApiKeyRevoked revoked -> store.revoke(revoked).retryWhen(UNTIL_REDIS_TAKES_IT).block();
            case ShareLinkCreated created -> {
                try {
                    links.save(created, envelope.time()).retryWhen(UNTIL_REDIS_TAKES_IT).block();
                } catch (IllegalArgumentException e) {
                    LOG.error("Skipping event {}: it describes no valid share link ({})", envelope.id(),
                            e.getMessage());
                }
            }
            case ShareLinkRevoked revoked -> links.revoke(revoked).retryWhen(UNTIL_REDIS_TAKES_IT).block();
        }
    }
}
