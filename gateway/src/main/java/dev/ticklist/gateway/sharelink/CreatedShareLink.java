package dev.ticklist.gateway.sharelink;

import java.time.Instant;

/**
 * The answer to making a share link: the only time its token is shown.
 *
 * @param token the secret; whoever holds it opens what the link reaches until it expires or is revoked
 * @param path  where the dashboard opens it: the token is after {@code #}, so browsers never send it in a request
 */
public record CreatedShareLink(String id, String token, String path, String cohortId, String learnerId, String access,
                               Instant expiresAt, String label, Instant createdAt) {

    static CreatedShareLink of(ShareLink link, String token) {
        return new CreatedShareLink(link.linkId(), token, "/dashboard/#/link/" + token, link.cohortId(),
                link.learnerId(), link.access().value(), link.expiresAt(), link.label(), link.createdAt());
    }
}
