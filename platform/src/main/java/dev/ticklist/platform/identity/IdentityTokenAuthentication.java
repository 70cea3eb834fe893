package dev.ticklist.platform.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

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
    private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
    private final ConcurrentHashMap<ScopeClaims, List<GrantedAuthority>> authorities = new ConcurrentHashMap<>();

    public IdentityTokenAuthentication(JwtDecoder decoder) {
        this.provider = new JwtAuthenticationProvider(decoder);
        this.provider.setJwtAuthenticationConverter(this::authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        return provider.authenticate(authentication);
    }

    /**
     * What {@code JwtAuthenticationConverter} builds by default: the scopes' authorities (remembered)
     * and the bearer factor, issued now as Spring Security issues it with every authentication.
     */
    private JwtAuthenticationToken authentication(Jwt jwt) {
        var claims = ScopeClaims.of(jwt);
        var granted = authorities.get(claims);
        if (granted == null) {
            if (authorities.size() >= MAX_SCOPE_SETS) {
                authorities.clear();
            }
            granted = List.copyOf(scopes.convert(jwt));
            authorities.put(claims, granted);
        }
        var all = new ArrayList<GrantedAuthority>(granted.size() + 1);
        all.addAll(granted);
        all.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.BEARER_AUTHORITY));
        return new JwtAuthenticationToken(jwt, all, jwt.getClaimAsString(JwtClaimNames.SUB));
    }

    /**
     * The claims {@link JwtGrantedAuthoritiesConverter} reads the scopes from, as the token gave
     * them: strings or lists of strings, which compare by value. It takes the first claim the
     * token has, even with a null value, so whether each is there is part of the key.
     */
    private record ScopeClaims(boolean hasScope, Object scope, boolean hasScp, Object scp) {

        static ScopeClaims of(Jwt jwt) {
            var claims = jwt.getClaims();
            return new ScopeClaims(claims.containsKey("scope"), claims.get("scope"),
                    claims.containsKey("scp"), claims.get("scp"));
        }
    }
}
