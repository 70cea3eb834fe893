package dev.ticklist.gateway.apikey;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A key as its organisation's list holds it, stored as {@code <sha256> <prefix> <scopes,…> <issued at>}.
 *
 * @param sha256 kept so that revoking needs nothing else; never shown
 */
public record ListedApiKey(String keyId, String sha256, String prefix, List<String> scopes, Instant issuedAt) {

    String value() {
        return sha256 + " " + prefix + " " + String.join(",", scopes) + " " + issuedAt;
    }

    static ListedApiKey parse(String keyId, String value) {
        String[] parts = value.split(" ");
        if (parts.length != 4) {
            return null; // not written by this gateway
        }
        return new ListedApiKey(keyId, parts[0], parts[1], Arrays.asList(parts[2].split(",")), Instant.parse(parts[3]));
    }
}
