package dev.ticklist.gateway.sharelink;

import dev.ticklist.events.Topics;
import dev.ticklist.events.access.ShareLinkCreated;
import dev.ticklist.events.access.ShareLinkRevoked;
import dev.ticklist.gateway.SecureRandomStrings;
import dev.ticklist.gateway.Sha256;
import dev.ticklist.gateway.TokenFormat;
import dev.ticklist.platform.kafka.EventPublisher;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Makes and revokes share links, as keys are issued: the event first (Kafka is the record), then
 * the Redis entry, so the link works at once here; every other gateway gets it from the topic.
 */
@Component
public class ShareLinks {

    public static final TokenFormat TOKEN = new TokenFormat("tl_");
    private static final Logger LOG = LoggerFactory.getLogger(ShareLinks.class);

    private final EventPublisher publisher;
    private final ShareLinkStore store;
    private final Clock clock;

    public ShareLinks(EventPublisher publisher, ShareLinkStore store, Clock clock) {
        this.publisher = publisher;
        this.store = store;
        this.clock = clock;
    }

    /** Answers the new link and its token, which is shown this once. */
    public Mono<CreatedShareLink> create(String organisationId, NewShareLink.Valid request) {
        String token = TOKEN.generate();
        var event = new ShareLinkCreated(organisationId, "link_" + SecureRandomStrings.base32(20), Sha256.hex(token),
                request.cohortId(), request.learnerId(), request.access().value(), request.expiresAt(),
                request.label());
        var createdAt = clock.instant();
        // The publisher blocks until the broker acknowledges; keep that off the event loop.
        return Mono.fromCallable(() -> publisher.publish(Topics.ACCESS, event.linkId(), event))
                .subscribeOn(Schedulers.boundedElastic())
                .then(store.save(event, createdAt).onErrorResume(error -> {
                    // The event is acknowledged, so the link exists: the topic follower writes the entry.
                    LOG.warn("Share link {} is published but not yet in Redis: {}", event.linkId(), error.toString());
                    return Mono.empty();
                }))
                .thenReturn(CreatedShareLink.of(ShareLink.of(event, createdAt), token));
    }

    public Mono<Void> revoke(ShareLink link) {
        var event = new ShareLinkRevoked(link.organisationId(), link.linkId(), link.sha256());
        return Mono.fromCallable(() -> publisher.publish(Topics.ACCESS, event))
                .subscribeOn(Schedulers.boundedElastic())
                .then(store.revoke(event));
    }
}
