package dev.ticklist.gateway.security;

import dev.ticklist.platform.identity.Scope;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authorities a set of scopes grants ({@code SCOPE_read}, …), worked out
 * once per set: every request with a key or a link needs them, and there are only a few sets.
 */
public final class ScopeAuthorities {

    private static final Map<Set<Scope>, List<GrantedAuthority>> KNOWN = new ConcurrentHashMap<>();

    private ScopeAuthorities() {
    }

    public static List<GrantedAuthority> of(Set<Scope> scopes) {
        var known = KNOWN.get(scopes);
        if (known != null) {
            return known;
        }
        List<GrantedAuthority> authorities = scopes.stream().map(Scope::authority)
                .<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
        KNOWN.putIfAbsent(Set.copyOf(scopes), authorities);
        return authorities;
    }
}
