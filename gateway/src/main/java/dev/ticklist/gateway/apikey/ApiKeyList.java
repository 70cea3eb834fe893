package dev.ticklist.gateway.apikey;

import java.util.List;

/** An organisation's keys that still work, oldest first. */
public record ApiKeyList(List<ApiKeyView> keys) {
}
