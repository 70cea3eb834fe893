package dev.ticklist.platform.web;

import dev.ticklist.platform.identity.IdentityTokens;
import dev.ticklist.platform.identity.Scope;
import dev.ticklist.platform.identity.Tenant;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a controller method take the verified {@link Tenant} as a parameter. */
final class TenantArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Tenant.class);
    }

    @Override
    public Tenant resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            throw Problems.problem(org.springframework.http.HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "no verified identity");
        }
        String organisation = token.getToken().getClaimAsString(IdentityTokens.ORGANISATION_CLAIM);
        Set<String> scopes = token.getAuthorities().stream()
                .map(authority -> scopeOf(authority.getAuthority()))
                .collect(Collectors.toSet());
        return new Tenant(organisation, scopes);
    }

    /** {@code SCOPE_write} is {@code write}: Spring Security's name for a token's scope, without a regex per request. */
    static String scopeOf(String authority) {
        return authority.startsWith(Scope.AUTHORITY_PREFIX) ? authority.substring(Scope.AUTHORITY_PREFIX.length()) : authority;
    }
}
