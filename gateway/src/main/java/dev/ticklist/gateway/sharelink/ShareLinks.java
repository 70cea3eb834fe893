package dev.ticklist.gateway.sharelink;

import dev.ticklist.events.access.ShareLinkCreated;
import dev.ticklist.events.access.ShareLinkRevoked;
import dev.ticklist.gateway.AccessEvents;
import dev.ticklist.gateway.SecureRandomStrings;
import dev.ticklist.gateway.Sha256;
import dev.ticklist.gateway.TokenFormat;
import java.time.Clock;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Makes and revokes share links, event first ({@link AccessEvents}), as keys are issued. */
@Component
public class ShareLinks {

    public static final TokenFormat TOKEN = new TokenFormat("tl_");
    private final AccessEvents events;
    private final ShareLinkStore store;
    private final Clock clock;

    public ShareLinks(AccessEvents events, ShareLinkStore store, Clock clock) {
        this.events = events;
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
        return events.created(event.linkId(), event, store.save(event, createdAt))
                .thenReturn(CreatedShareLink.of(ShareLink.of(event, createdAt), token));
    }

    public Mono<Void> revoke(ShareLink link) {
        var event = new ShareLinkRevoked(link.organisationId(), link.linkId(), link.sha256());
        return events.ended(event, store.revoke(event));
    }
}
