package dev.ticklist.gateway.apikey;

import dev.ticklist.events.access.ApiKeyIssued;
import dev.ticklist.platform.identity.Scope;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the gateway knows about a key: whose it is and what it may do.
 *
 * @param prefix the first characters of the key, for people; never enough to use it
 */
public record ApiKeyEntry(String organisationId, String keyId, String prefix, Set<Scope> scopes) {

    /** The scopes an organisation's key can carry; {@link Scope#PLATFORM} is the gateway's alone. */
    public static final Set<Scope> KEY_SCOPES = EnumSet.of(Scope.READ, Scope.WRITE, Scope.ADMIN);

    public ApiKeyEntry {
        requireText("organisationId", organisationId);
        requireText("keyId", keyId);
        requireText("prefix", prefix);
        scopes = Set.copyOf(scopes);
        if (scopes.isEmpty() || !KEY_SCOPES.containsAll(scopes)) {
            throw new IllegalArgumentException("an API key carries one or more of read, write, admin");
        }
    }

    public static ApiKeyEntry of(ApiKeyIssued issued) {
        return new ApiKeyEntry(issued.organisationId(), issued.keyId(), issued.prefix(), parseScopes(issued.scopes()));
    }

    public static Set<Scope> parseScopes(Iterable<String> values) {
        var scopes = EnumSet.noneOf(Scope.class);
        for (String value : values) {
            scopes.add(Scope.valueOf(value.toUpperCase(Locale.ROOT)));
        }
        return scopes;
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an API key needs a " + name);
        }
    }

    /** The scopes' wire names, sorted: {@code [admin, read, write]}. */
    public List<String> scopeValues() {
        return scopes.stream().map(Scope::value).sorted().toList();
    }
}
