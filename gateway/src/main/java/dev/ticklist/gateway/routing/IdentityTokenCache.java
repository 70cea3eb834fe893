package dev.ticklist.gateway.routing;

import dev.ticklist.platform.identity.IdentityTokens;
import dev.ticklist.platform.identity.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identity token a service gets for an organisation and its scopes (and the services it is for), signed once and handed
 * on while it has at least half its life left (so a request never carries a token about to
 * expire), instead of signed anew for every request: signing was the gateway's largest cost of
 * its own per request (docs/benchmarks.md). At most {@link #MAX_ENTRIES} pairs are kept; beyond
 * that the cache starts afresh.
 */
class IdentityTokenCache {

    static final int MAX_ENTRIES = 10_000;

    private record Holder(String organisationId, Set<Scope> scopes, List<String> audience) {
    }

    private record Signed(String token, Instant reuseUntil) {
    }

    private final IdentityTokens tokens;
    private final Duration reuseFor;
    private final Clock clock;
    private final ConcurrentHashMap<Holder, Signed> signed = new ConcurrentHashMap<>();

    IdentityTokenCache(IdentityTokens tokens, Duration ttl, Clock clock) {
        this.tokens = tokens;
        this.reuseFor = ttl.dividedBy(2);
        this.clock = clock;
    }

    String tokenFor(String organisationId, Set<Scope> scopes, List<String> audience) {
        var holder = new Holder(organisationId, Set.copyOf(scopes), List.copyOf(audience));
        var now = clock.instant();
        var current = signed.get(holder);
        if (current != null && now.isBefore(current.reuseUntil())) {
            return current.token();
        }
        if (signed.size() >= MAX_ENTRIES) {
            signed.clear();
        }
        var fresh = new Signed(tokens.issue(organisationId, scopes, audience), now.plus(reuseFor));
        signed.put(holder, fresh);
        return fresh.token();
    }
}
