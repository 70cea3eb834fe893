package dev.ticklist.gateway.apikey;

import dev.ticklist.events.Topics;
import dev.ticklist.events.access.ApiKeyIssued;
import dev.ticklist.events.access.ApiKeyRevoked;
import dev.ticklist.gateway.SecureRandomStrings;
import dev.ticklist.platform.identity.Scope;
import dev.ticklist.platform.kafka.EventPublisher;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Issues and revokes API keys: the event first (Kafka is the record), then the Redis entry, so the key works
 * at once on this instance; every other instance gets it from the topic.
 */
@Component
public class ApiKeyIssuer {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyIssuer.class);

    private final EventPublisher publisher;
    private final ApiKeyStore store;
    private final Clock clock;

    public ApiKeyIssuer(EventPublisher publisher, ApiKeyStore store, Clock clock) {
        this.publisher = publisher;
        this.store = store;
        this.clock = clock;
    }

    public Mono<IssuedApiKey> issue(String organisationId, Set<Scope> scopes) {
        var secret = ApiKeySecret.generate();
        var entry = new ApiKeyEntry(organisationId, "key_" + SecureRandomStrings.base32(20), secret.displayPrefix(), scopes);
        var event = new ApiKeyIssued(organisationId, entry.keyId(), entry.prefix(), secret.sha256(),
                Set.copyOf(entry.scopeValues()));
        // The publisher blocks until the broker acknowledges; keep that off the event loop.
        return Mono.fromCallable(() -> publisher.publish(Topics.ACCESS, entry.keyId(), event))
                .subscribeOn(Schedulers.boundedElastic())
                .then(store.save(event, clock.instant()).onErrorResume(error -> {
                    // The event is acknowledged, so the key exists: the topic follower writes the entry.
                    LOG.warn("Key {} is published but not yet in Redis: {}", entry.keyId(), error.toString());
                    return Mono.empty();
                }))
                .thenReturn(new IssuedApiKey(secret, entry));
    }

    /**
     * Revokes a key: the event first, then this instance forgets it at once. If Redis fails
     * here, the follower removes it once Redis is back; until then the caller hears an error.
     */
    public Mono<Void> revoke(String organisationId, ListedApiKey key) {
        var event = new ApiKeyRevoked(organisationId, key.keyId(), key.sha256());
        return Mono.fromCallable(() -> publisher.publish(Topics.ACCESS, event))
                .subscribeOn(Schedulers.boundedElastic())
                .then(store.revoke(event));
    }
}
