package dev.ticklist.gateway.security;

import dev.ticklist.platform.identity.Scope;
import java.util.Set;

/**
 * A verified caller of the public API, acting for one organisation: an API key, or a share link.
 * The identity handed to services and the rate limit are decided from this alone.
 */
public interface OrganisationCaller {

    String organisationId();

    Set<Scope> scopes();

    /** Whose allowance a request takes its token from: the key's, or the link's. */
    String rateLimitBucket();
}
