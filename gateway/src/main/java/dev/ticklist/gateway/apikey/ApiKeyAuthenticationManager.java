package dev.ticklist.gateway.apikey;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/**
 * Looks the key's hash up in Redis. Malformed and unknown keys fail alike; a Redis outage is not
 * an authentication failure and surfaces as 503.
 */
public final class ApiKeyAuthenticationManager implements ReactiveAuthenticationManager {

    private final ApiKeyStore store;

    public ApiKeyAuthenticationManager(ApiKeyStore store) {
        this.store = store;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication presented) {
        return Mono.justOrEmpty(ApiKeySecret.parse((String) presented.getCredentials()))
                .flatMap(secret -> store.find(secret.sha256()))
                .<Authentication>map(ApiKeyAuthentication::new)
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("unknown or malformed API key")));
    }
}
