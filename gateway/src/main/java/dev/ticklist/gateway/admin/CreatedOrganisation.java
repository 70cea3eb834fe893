package dev.ticklist.gateway.admin;

import dev.ticklist.gateway.apikey.IssuedApiKey;
import java.util.List;

/**
 * Answer of {@code POST /admin/v1/organisations}: the organisation and its first API key.
 *
 * @param apiKey the key itself; shown this once and never again
 */
public record CreatedOrganisation(
        String organisationId,
        String name,
        String apiKey,
        String keyId,
        String keyPrefix,
        List<String> scopes) {

    static CreatedOrganisation of(String organisationId, String name, IssuedApiKey key) {
        return new CreatedOrganisation(organisationId, name, key.secret().value(), key.entry().keyId(),
                key.entry().prefix(), key.entry().scopeValues());
    }
}
