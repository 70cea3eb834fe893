package dev.ticklist.gateway.apikey;

import dev.ticklist.gateway.security.OrganisationCaller;
import dev.ticklist.gateway.security.ScopeAuthorities;
import dev.ticklist.platform.identity.Scope;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request's verified API key. Its authorities are the key's scopes ({@code SCOPE_read}, …). */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken implements OrganisationCaller {

    private final ApiKeyEntry apiKey;

    public ApiKeyAuthentication(ApiKeyEntry apiKey) {
        super(ScopeAuthorities.of(apiKey.scopes()));
        this.apiKey = apiKey;
        setAuthenticated(true);
    }

    public ApiKeyEntry apiKey() {
        return apiKey;
    }

    @Override
    public String organisationId() {
        return apiKey.organisationId();
    }

    @Override
    public Set<Scope> scopes() {
        return apiKey.scopes();
    }

    @Override
    public String rateLimitBucket() {
        return apiKey.keyId();
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return apiKey;
    }

    @Override
    public String getName() {
        return apiKey.keyId();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKeyAuthentication that && super.equals(that) && apiKey.equals(that.apiKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), apiKey);
    }
}
