package dev.ticklist.gateway.apikey;

import dev.ticklist.events.access.ApiKeyIssued;
import dev.ticklist.events.access.ApiKeyRevoked;
import dev.ticklist.gateway.AccessEvents;
import dev.ticklist.gateway.SecureRandomStrings;
import dev.ticklist.platform.identity.Scope;
import java.time.Clock;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Issues and revokes API keys, event first ({@link AccessEvents}). */
@Component
public class ApiKeyIssuer {

    private final AccessEvents events;
    private final ApiKeyStore store;
    private final Clock clock;

    public ApiKeyIssuer(AccessEvents events, ApiKeyStore store, Clock clock) {
        this.events = events;
        this.store = store;
        this.clock = clock;
    }

    public Mono<IssuedApiKey> issue(String organisationId, Set<Scope> scopes) {
        var secret = ApiKeySecret.generate();
        var entry = new ApiKeyEntry(organisationId, "key_" + SecureRandomStrings.base32(20), secret.displayPrefix(), scopes);
        var event = new ApiKeyIssued(organisationId, entry.keyId(), entry.prefix(), secret.sha256(),
                Set.copyOf(entry.scopeValues()));
        return events.created(entry.keyId(), event, store.save(event, clock.instant()))
                .thenReturn(new IssuedApiKey(secret, entry));
    }

    /**
     * Revokes a key: the event first, then this instance forgets it at once. If Redis fails
     * here, the follower removes it once Redis is back; until then the caller hears an error.
     */
    public Mono<Void> revoke(String organisationId, ListedApiKey key) {
        var event = new ApiKeyRevoked(organisationId, key.keyId(), key.sha256());
        return events.ended(event, store.revoke(event));
    }
}
