package dev.ticklist.gateway.dashboard;

import dev.ticklist.gateway.apikey.ApiKeyAuthenticationManager;
import dev.ticklist.gateway.apikey.ApiKeySecret;
import dev.ticklist.gateway.problem.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Signing a dashboard in and out. The key a person types is checked like any API key and then
 * forgotten: the browser gets an opaque session cookie it cannot read, and the page keeps nothing.
 */
@RestController
@RequestMapping("/dashboard/session")
class DashboardSessionController {

    private final DashboardSessions sessions;
    private final ApiKeyAuthenticationManager keys;

    DashboardSessionController(DashboardSessions sessions, ApiKeyAuthenticationManager keys) {
        this.sessions = sessions;
        this.keys = keys;
    }

    @PostMapping
    Mono<SessionView> signIn(@RequestBody(required = false) SignIn signIn, ServerWebExchange exchange) {
        refuseOtherSites(exchange);
        var secret = ApiKeySecret.parse(signIn == null || signIn.key() == null ? null : signIn.key().strip())
                .orElseThrow(DashboardSessionController::notAKey);
        return keys.find(secret.sha256())
                .switchIfEmpty(Mono.error(DashboardSessionController::notAKey))
                .flatMap(key -> sessions.open(new DashboardSession(key.organisationId(), secret.sha256()))
                        .doOnNext(token -> SessionCookie.set(exchange, token))
                        .thenReturn(SessionView.of(key, sessions)));
    }

    /** Signed out is an answer, not an error: the page asks this first, every time it opens. */
    @GetMapping
    Mono<SessionView> current(ServerWebExchange exchange) {
        return Mono.justOrEmpty(SessionCookie.read(exchange.getRequest()))
                .flatMap(sessions::find)
                .flatMap(session -> keys.find(session.keySha256())
                        .filter(key -> key.organisationId().equals(session.organisationId())))
                .map(key -> SessionView.of(key, sessions))
                .defaultIfEmpty(SessionView.signedOut(sessions));
    }

    @DeleteMapping
    Mono<ResponseEntity<Void>> signOut(ServerWebExchange exchange) {
        refuseOtherSites(exchange);
        SessionCookie.clear(exchange);
        return Mono.justOrEmpty(SessionCookie.read(exchange.getRequest()))
                .flatMap(sessions::close)
                .thenReturn(ResponseEntity.noContent().build());
    }

    /** A page of another site must not sign a browser in or out (browsers say where a request came from). */
    private static void refuseOtherSites(ServerWebExchange exchange) {
        String site = exchange.getRequest().getHeaders().getFirst("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw problem(HttpStatus.FORBIDDEN, "forbidden", "sign in and out from the dashboard's own pages");
        }
    }

    private static ErrorResponseException notAKey() {
        return problem(HttpStatus.UNAUTHORIZED, "unauthenticated",
                "that is not a working API key: check it was copied whole (it starts with tk_) and has not been revoked");
    }

    private static ErrorResponseException problem(HttpStatus status, String code, String detail) {
        return new ErrorResponseException(status, ProblemResponses.problem(status, code, detail), null);
    }
}
