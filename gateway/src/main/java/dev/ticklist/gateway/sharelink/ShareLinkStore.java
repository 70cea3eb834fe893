package dev.ticklist.gateway.sharelink;

import dev.ticklist.events.access.ShareLinkCreated;
import dev.ticklist.events.access.ShareLinkRevoked;
import java.time.Instant;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveHashOperations;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Share links in Redis, as API keys are kept: one hash per link under the SHA-256 of its token
 * ({@code gateway:share-link:<sha256>}, the link as JSON, marked {@code revoked} after a
 * revocation and never revived), and one hash per organisation listing its links. Derived data:
 * every entry comes from an access event, so a wiped Redis is refilled by replay. Each step
 * writes one key (one hash slot).
 */
@Component
public class ShareLinkStore {

    public static final String KEY_PREFIX = "gateway:share-link:";
    static final String LINK = "link";
    static final String REVOKED = "revoked";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Logger LOG = LoggerFactory.getLogger(ShareLinkStore.class);

    private final ReactiveHashOperations<String, String, String> hashes;
    private final JsonMapper json;

    public ShareLinkStore(ReactiveStringRedisTemplate redis, JsonMapper json) {
        this.hashes = redis.opsForHash();
        this.json = json;
    }

    static String organisationLinks(String organisationId) {
        return "gateway:{" + organisationId + "}:share-links";
    }

    /** The link with this hash unless revoked; expired links are found too (the caller decides). */
    public Mono<ShareLink> find(String sha256) {
        return hashes.multiGet(KEY_PREFIX + sha256, java.util.List.of(LINK, REVOKED))
                .filter(fields -> fields.get(0) != null && fields.get(1) == null)
                .mapNotNull(fields -> read(fields.get(0)));
    }

    /** The organisation's links that were not revoked, in no particular order. */
    public Flux<ShareLink> list(String organisationId) {
        return hashes.values(organisationLinks(organisationId)).mapNotNull(this::read);
    }

    public Mono<ShareLink> find(String organisationId, String linkId) {
        return hashes.get(organisationLinks(organisationId), linkId).mapNotNull(this::read);
    }

    /** Writes the link the event describes; writing it again changes nothing. */
    public Mono<Void> save(ShareLinkCreated created, Instant createdAt) {
        if (created.sha256() == null || !SHA256_HEX.matcher(created.sha256()).matches()) {
            return Mono.error(new IllegalArgumentException("sha256 must be 64 lowercase hex digits"));
        }
        String value = json.writeValueAsString(ShareLink.of(created, createdAt));
        return hashes.put(KEY_PREFIX + created.sha256(), LINK, value)
                .then(hashes.hasKey(KEY_PREFIX + created.sha256(), REVOKED))
                .flatMap(revoked -> revoked ? Mono.empty()
                        : hashes.put(organisationLinks(created.organisationId()), created.linkId(), value))
                .then();
    }

    /** The link stops opening anything first, then leaves the organisation's list. */
    public Mono<Void> revoke(ShareLinkRevoked revoked) {
        return hashes.put(KEY_PREFIX + revoked.sha256(), REVOKED, "true")
                .then(hashes.remove(organisationLinks(revoked.organisationId()), revoked.linkId()))
                .then();
    }

    private ShareLink read(String value) {
        try {
            return json.readValue(value, ShareLink.class);
        } catch (RuntimeException e) {
            // Not written by this gateway: refuse the link rather than guess what it reaches.
            LOG.error("Ignoring an unreadable share link: {}", e.getMessage());
            return null;
        }
    }
}
