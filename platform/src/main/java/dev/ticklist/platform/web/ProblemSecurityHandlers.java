package dev.ticklist.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 from the security filters as problem documents, never as an HTML page. */
final class ProblemSecurityHandlers {

    private ProblemSecurityHandlers() {
    }

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, exception) -> ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                "this service accepts only requests that come through the Ticklist gateway with a valid API key");
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> ProblemResponses.write(response, HttpStatus.FORBIDDEN, "forbidden",
                "the API key's scopes do not allow this request");
    }
}
