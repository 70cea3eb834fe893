package dev.ticklist.events.access;

import dev.ticklist.events.TicklistEvent;

/** API keys and share links. Written by the gateway, keyed by organisation. */
public sealed interface AccessEvent extends TicklistEvent
        permits ApiKeyIssued, ApiKeyRevoked, ShareLinkCreated, ShareLinkRevoked {

    String organisationId();

    @Override
    default String key() {
        return organisationId();
    }
}
