package dev.ticklist.gateway.apikey;

import java.time.Instant;
import java.util.List;

/** A key as its organisation sees it listed: never the key, nor its hash. */
public record ApiKeyView(String id, String prefix, List<String> scopes, Instant issuedAt) {

    static ApiKeyView of(ListedApiKey key) {
        return new ApiKeyView(key.keyId(), key.prefix(), key.scopes(), key.issuedAt());
    }
}
