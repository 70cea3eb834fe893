package dev.ticklist.gateway.dashboard;

import dev.ticklist.gateway.apikey.ApiKeyAuthentication;
import dev.ticklist.gateway.apikey.ApiKeyAuthenticationManager;
import dev.ticklist.gateway.apikey.ApiKeyEntry;
import dev.ticklist.gateway.apikey.ApiKeyTable;
import dev.ticklist.gateway.sharelink.ShareLink;
import dev.ticklist.gateway.sharelink.ShareLinkAuthentication;
import dev.ticklist.gateway.sharelink.ShareLinkStore;
import dev.ticklist.platform.identity.Scope;
import java.time.Clock;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What a session stands for, checked again on every request: the key it was signed in with (read
 * only, whatever the key may do), or the link it was opened with (within the link's reach).
 * Empty once the key or link is revoked, or the link has expired.
 */
@Component
public class SessionCredentials {

    private final ApiKeyAuthenticationManager keys;
    private final ShareLinkStore links;
    private final ApiKeyTable accessTable;
    private final Clock clock;

    public SessionCredentials(ApiKeyAuthenticationManager keys, ShareLinkStore links, ApiKeyTable accessTable,
                              Clock clock) {
        this.keys = keys;
        this.links = links;
        this.accessTable = accessTable;
        this.clock = clock;
    }

    Mono<Authentication> authenticationOf(DashboardSession session) {
        return switch (session.kind()) {
            case KEY -> keys.find(session.credentialSha256())
                    .filter(key -> key.organisationId().equals(session.organisationId()))
                    .map(key -> new ApiKeyAuthentication(readOnly(key)));
            case LINK -> link(session.credentialSha256())
                    .filter(link -> link.organisationId().equals(session.organisationId()))
                    .map(ShareLinkAuthentication::new);
        };
    }

    Mono<ApiKeyEntry> key(String sha256) {
        return keys.find(sha256);
    }

    /**
     * The link with this hash if it works: not revoked, not expired. While the gateway refills
     * its access table after Redis lost it, an error (503), never a false "no such link".
     */
    Mono<ShareLink> link(String sha256) {
        return accessTable.lookUp(links.find(sha256)).filter(link -> !link.expired(clock.instant()));
    }

    static ApiKeyEntry readOnly(ApiKeyEntry key) {
        return new ApiKeyEntry(key.organisationId(), key.keyId(), key.prefix(), Set.of(Scope.READ));
    }
}
