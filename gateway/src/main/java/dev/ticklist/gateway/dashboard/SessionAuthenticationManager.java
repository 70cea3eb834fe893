package dev.ticklist.gateway.dashboard;

import dev.ticklist.gateway.apikey.ApiKeyAuthentication;
import dev.ticklist.gateway.apikey.ApiKeyAuthenticationManager;
import dev.ticklist.gateway.apikey.ApiKeyEntry;
import dev.ticklist.platform.identity.Scope;
import java.util.Set;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/**
 * A request of a signed-in dashboard acts as the key that signed it in, with the read scope
 * only: a revoked key ends its sessions at once, and a session never changes anything.
 */
public final class SessionAuthenticationManager implements ReactiveAuthenticationManager {

    private final DashboardSessions sessions;
    private final ApiKeyAuthenticationManager keys;

    public SessionAuthenticationManager(DashboardSessions sessions, ApiKeyAuthenticationManager keys) {
        this.sessions = sessions;
        this.keys = keys;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication presented) {
        return sessions.find((String) presented.getCredentials())
                .flatMap(session -> keys.find(session.keySha256())
                        .filter(key -> key.organisationId().equals(session.organisationId())))
                .<Authentication>map(key -> new ApiKeyAuthentication(readOnly(key)))
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("unknown or ended dashboard session")));
    }

    static ApiKeyEntry readOnly(ApiKeyEntry key) {
        return new ApiKeyEntry(key.organisationId(), key.keyId(), key.prefix(), Set.of(Scope.READ));
    }
}
