package dev.ticklist.gateway.dashboard;

import java.util.Optional;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * The dashboard's session cookie. HttpOnly, so no script reads it, not even the dashboard's own;
 * SameSite=Strict, so no other site's page sends it; no Max-Age, so the browser drops it when it
 * closes; Secure whenever the request came over HTTPS (directly or through a proxy that says so).
 */
public final class SessionCookie {

    public static final String NAME = "ticklist_session";

    private SessionCookie() {
    }

    public static Optional<String> read(ServerHttpRequest request) {
        return Optional.ofNullable(request.getCookies().getFirst(NAME)).map(HttpCookie::getValue);
    }

    static void set(ServerWebExchange exchange, String token) {
        exchange.getResponse().addCookie(cookie(exchange, token).build());
    }

    static void clear(ServerWebExchange exchange) {
        exchange.getResponse().addCookie(cookie(exchange, "").maxAge(0).build());
    }

    private static ResponseCookie.ResponseCookieBuilder cookie(ServerWebExchange exchange, String value) {
        return ResponseCookie.from(NAME, value)
                .httpOnly(true)
                .sameSite("Strict")
                .secure(overHttps(exchange.getRequest()))
                .path("/");
    }

    private static boolean overHttps(ServerHttpRequest request) {
        return request.getSslInfo() != null
                || "https".equalsIgnoreCase(request.getHeaders().getFirst("X-Forwarded-Proto"));
    }
}
