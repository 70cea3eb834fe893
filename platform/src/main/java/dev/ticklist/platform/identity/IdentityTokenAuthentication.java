package dev.ticklist.platform.identity;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * Authenticates a request's identity token as the resource server's own {@code ProviderManager}
 * would, with two costs of every request taken out: the authorities are worked out once per set of
 * scopes (the gateway's tokens carry a handful of sets), and no authentication event is published
 * (nothing listens to them; each went through the application's event multicaster).
 * The verdict is {@link JwtAuthenticationProvider}'s: the same token, the same 401s.
 */
public final class IdentityTokenAuthentication implements AuthenticationManager {

    /** Beyond this many distinct sets of scopes (there are 16 of four scopes) the cache starts afresh. */
    static final int MAX_SCOPE_SETS = 64;

    private final JwtAuthenticationProvider provider;
    private final JwtAuthenticationConverter spring = new JwtAuthenticationConverter();
    private final ConcurrentHashMap<ScopeClaims, Collection<? extends GrantedAuthority>> authorities = new ConcurrentHashMap<>();

    public IdentityTokenAuthentication(JwtDecoder decoder) {
        this.provider = new JwtAuthenticationProvider(decoder);
        this.provider.setJwtAuthenticationConverter(this::authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        return provider.authenticate(authentication);
    }

    /** What {@code JwtAuthenticationConverter} builds by default, its authorities remembered. */
    private JwtAuthenticationToken authentication(Jwt jwt) {
        var claims = new ScopeClaims(jwt.getClaims().get("scope"), jwt.getClaims().get("scp"));
        var granted = authorities.get(claims);
        if (granted == null) {
            if (authorities.size() >= MAX_SCOPE_SETS) {
                authorities.clear();
            }
            granted = spring.convert(jwt).getAuthorities(); // the scopes', and the factor of a bearer token
            authorities.put(claims, granted);
        }
        return new JwtAuthenticationToken(jwt, granted, jwt.getClaimAsString(JwtClaimNames.SUB));
    }

    /**
     * The claims Spring Security's converter reads the scopes from, as the token gave
     * them: strings or lists of strings, which compare by value (either may be null).
     */
    private record ScopeClaims(Object scope, Object scp) {
    }
}
