package dev.ticklist.gateway.sharelink;

import dev.ticklist.gateway.security.OrganisationCaller;
import dev.ticklist.gateway.security.ScopeAuthorities;
import dev.ticklist.platform.identity.Scope;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request of a dashboard opened with a share link: the link's scopes, within its reach ({@link ShareLinkReach}). */
public final class ShareLinkAuthentication extends AbstractAuthenticationToken implements OrganisationCaller {

    private final ShareLink link;

    public ShareLinkAuthentication(ShareLink link) {
        super(ScopeAuthorities.of(link.scopes()));
        this.link = link;
        setAuthenticated(true);
    }

    public ShareLink link() {
        return link;
    }

    @Override
    public String organisationId() {
        return link.organisationId();
    }

    @Override
    public Set<Scope> scopes() {
        return link.scopes();
    }

    @Override
    public String rateLimitBucket() {
        return link.linkId();
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return link;
    }

    @Override
    public String getName() {
        return link.linkId();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ShareLinkAuthentication that && super.equals(that) && link.equals(that.link);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), link);
    }
}
