package dev.ticklist.gateway.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A secret a request presented (API key or admin key), not yet checked. Empty when unusable. */
public final class PresentedSecret extends AbstractAuthenticationToken {

    private static final String BEARER = "Bearer ";

    private final String secret;

    public PresentedSecret(String secret) {
        super(List.of());
        this.secret = secret == null ? "" : secret;
    }

    /** The token of an {@code Authorization: Bearer …} header; empty for any other scheme. */
    public static String bearerToken(String authorization) {
        return authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip()
                : "";
    }

    @Override
    public Object getCredentials() {
        return secret;
    }

    @Override
    public Object getPrincipal() {
        return "";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PresentedSecret that && super.equals(that) && secret.equals(that.secret);
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + secret.hashCode();
    }
}
