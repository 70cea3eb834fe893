package dev.ticklist.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 from the security filters as problem documents, never as an HTML page. */
final class ProblemSecurityHandlers {

    private ProblemSecurityHandlers() {
    }

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, exception) -> write(response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                "this service accepts only requests that come through the Ticklist gateway with a valid API key");
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> write(response, HttpStatus.FORBIDDEN, "forbidden",
                "the API key's scopes do not allow this request");
    }

    private static void write(HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.getOutputStream().write(("{\"type\":\"urn:ticklist:problem:" + code + "\",\"title\":\""
                + status.getReasonPhrase() + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
