package dev.ticklist.gateway.apikey;

/** A key just issued: the secret, shown once to whoever asked for it, and its entry. */
public record IssuedApiKey(ApiKeySecret secret, ApiKeyEntry entry) {
}
