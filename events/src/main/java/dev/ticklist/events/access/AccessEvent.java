package dev.ticklist.events.access;

import dev.ticklist.events.TicklistEvent;

/** API keys. Written by the gateway, keyed by organisation. */
public sealed interface AccessEvent extends TicklistEvent permits ApiKeyIssued, ApiKeyRevoked {

    String organisationId();

    @Override
    default String key() {
        return organisationId();
    }
}
