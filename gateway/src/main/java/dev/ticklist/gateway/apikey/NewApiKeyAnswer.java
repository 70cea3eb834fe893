package dev.ticklist.gateway.apikey;

import java.util.List;

/**
 * A key just issued.
 *
 * @param key the key itself: shown this once and never again (only its SHA-256 is kept)
 */
public record NewApiKeyAnswer(String id, String key, String prefix, List<String> scopes) {

    static NewApiKeyAnswer of(IssuedApiKey issued) {
        return new NewApiKeyAnswer(issued.entry().keyId(), issued.secret().value(), issued.entry().prefix(),
                issued.entry().scopeValues());
    }
}
