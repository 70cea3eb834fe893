package dev.ticklist.platform.identity;

import java.util.Set;

/** The organisation a request acts for, as the gateway verified it. */
public record Tenant(String organisationId, Set<String> scopes) {

    public Tenant {
        scopes = Set.copyOf(scopes);
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope.value());
    }
}
