package dev.ticklist.gateway.apikey;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/**
 * Looks the key's hash up in Redis (or among the keys found there in the last seconds,
 * {@link RecentKeys}). Malformed and unknown keys fail alike; a Redis outage is not
 * an authentication failure and surfaces as 503, and neither is a key table Redis lost and the
 * gateway is rebuilding ({@link ApiKeyTable}): 503 {@code keys-rebuilding}, never a false 401.
 */
public final class ApiKeyAuthenticationManager implements ReactiveAuthenticationManager {

    private final ApiKeyStore store;
    private final ApiKeyTable table;

    public ApiKeyAuthenticationManager(ApiKeyStore store, ApiKeyTable table) {
        this.store = store;
        this.table = table;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication presented) {
        return Mono.justOrEmpty(ApiKeySecret.parse((String) presented.getCredentials()))
                .flatMap(secret -> find(secret.sha256()))
                .<Authentication>map(ApiKeyAuthentication::new)
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("unknown or malformed API key")));
    }

    /** The key with this hash, if it works: empty when unknown or revoked, an error while keys are rebuilt. */
    public Mono<ApiKeyEntry> find(String sha256) {
        var recent = store.recentlyFound(sha256);
        return recent.isPresent() ? Mono.just(recent.get()) : table.lookUp(store.find(sha256));
    }
}
