package dev.ticklist.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * The identity token from {@code Authorization: Bearer …}, by the rule of Spring Security's
 * {@code DefaultBearerTokenResolver} ({@code Bearer} in any case, one space, then
 * {@code [A-Za-z0-9-._~+/]+=*}; a malformed one is refused), checked with a loop instead of its
 * regular expression, which ran over the whole token on every request (docs/benchmarks.md,
 * "Requests"). Tokens are never taken from the query or a form: only the gateway calls services.
 */
public final class HeaderBearerTokenResolver implements BearerTokenResolver {

    private static final String SCHEME = "Bearer ";

    @Override
    public String resolve(HttpServletRequest request) {
        return tokenOf(request.getHeader(HttpHeaders.AUTHORIZATION));
    }

    /** The token of an {@code Authorization} value; null when it names no bearer token. */
    static String tokenOf(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "bearer", 0, "bearer".length())) {
            return null;
        }
        if (!authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || !isToken(authorization, SCHEME.length())) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return authorization.substring(SCHEME.length());
    }

    /** {@code [A-Za-z0-9-._~+/]+=*} from {@code start} to the end. */
    private static boolean isToken(String text, int start) {
        int end = text.length();
        while (end > start && text.charAt(end - 1) == '=') {
            end--;
        }
        return end > start && AsciiText.onlyLettersDigitsOr(text, start, end, "-._~+/");
    }
}
