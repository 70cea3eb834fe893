package dev.ticklist.gateway.apikey;

import java.util.List;

/** Asks for a key with these scopes: {@code read} for dashboards, {@code write} for ticks and the directory, {@code admin} for keys and webhooks. */
public record NewApiKeyRequest(List<String> scopes) {
}
