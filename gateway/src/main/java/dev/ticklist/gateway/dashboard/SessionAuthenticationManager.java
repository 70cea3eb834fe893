package dev.ticklist.gateway.dashboard;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/**
 * A request of an open dashboard acts as what opened it ({@link SessionCredentials}): a key's
 * organisation with the read scope only, or a share link within its reach. A revoked key or link
 * ends its sessions at once.
 */
public final class SessionAuthenticationManager implements ReactiveAuthenticationManager {

    /** The details of an authentication a session made: how {@link SessionStreamLimit} tells them apart. */
    static final String THROUGH_A_SESSION = "dashboard-session";

    private final DashboardSessions sessions;
    private final SessionCredentials credentials;

    public SessionAuthenticationManager(DashboardSessions sessions, SessionCredentials credentials) {
        this.sessions = sessions;
        this.credentials = credentials;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication presented) {
        return sessions.find((String) presented.getCredentials())
                .flatMap(credentials::authenticationOf)
                .doOnNext(authentication ->
                        ((AbstractAuthenticationToken) authentication).setDetails(THROUGH_A_SESSION))
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("unknown or ended dashboard session")));
    }
}
