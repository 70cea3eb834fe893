package dev.ticklist.gateway.admin;

import java.util.List;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import reactor.core.publisher.Mono;

/** Accepts the one configured {@link AdminKey}; grants {@link AdminKey#AUTHORITY}. */
public final class AdminKeyAuthenticationManager implements ReactiveAuthenticationManager {

    static final String OPERATOR = "platform-operator";

    private final AdminKey adminKey;

    public AdminKeyAuthenticationManager(AdminKey adminKey) {
        this.adminKey = adminKey;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication presented) {
        if (!adminKey.matches((String) presented.getCredentials())) {
            return Mono.error(new BadCredentialsException("wrong admin key"));
        }
        return Mono.just(UsernamePasswordAuthenticationToken.authenticated(OPERATOR, null,
                List.of(new SimpleGrantedAuthority(AdminKey.AUTHORITY))));
    }
}
