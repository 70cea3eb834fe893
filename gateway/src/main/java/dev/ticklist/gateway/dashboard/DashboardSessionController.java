package dev.ticklist.gateway.dashboard;

import dev.ticklist.gateway.Sha256;
import dev.ticklist.gateway.apikey.ApiKeyAuthentication;
import dev.ticklist.gateway.apikey.ApiKeySecret;
import dev.ticklist.gateway.problem.ProblemResponses;
import dev.ticklist.gateway.security.FetchSite;
import dev.ticklist.gateway.sharelink.ShareLinkAuthentication;
import dev.ticklist.gateway.sharelink.ShareLinks;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
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
 * Opening and closing a dashboard session. The key a person types, or the link they followed, is
 * checked and then forgotten: the browser gets an opaque session cookie it cannot read, and the
 * page keeps nothing.
 */
@RestController
@RequestMapping("/dashboard/session")
class DashboardSessionController {

    static final Duration MIN_LIFETIME = Duration.ofSeconds(5);

    private final DashboardSessions sessions;
    private final SessionCredentials credentials;
    private final Clock clock;

    DashboardSessionController(DashboardSessions sessions, SessionCredentials credentials, Clock clock) {
        this.sessions = sessions;
        this.credentials = credentials;
        this.clock = clock;
    }

    @PostMapping
    Mono<SessionView> open(@RequestBody(required = false) SignIn signIn, ServerWebExchange exchange) {
        refuseOtherSites(exchange);
        if (signIn != null && signIn.link() != null) {
            return openWithLink(signIn.link().strip(), exchange);
        }
        var secret = ApiKeySecret.parse(signIn == null || signIn.key() == null ? null : signIn.key().strip())
                .orElseThrow(DashboardSessionController::notAKey);
        return credentials.key(secret.sha256())
                .switchIfEmpty(Mono.error(DashboardSessionController::notAKey))
                .flatMap(key -> replaceSession(exchange, new DashboardSession(DashboardSession.Kind.KEY,
                                key.organisationId(), secret.sha256()), sessions.lifetime())
                        .thenReturn(SessionView.of(key, sessions)));
    }

    private Mono<SessionView> openWithLink(String token, ServerWebExchange exchange) {
        if (!ShareLinks.TOKEN.matches(token)) {
            return Mono.error(DashboardSessionController::notALink);
        }
        String sha256 = Sha256.hex(token);
        return credentials.link(sha256)
                .map(link -> Map.entry(link, Duration.between(clock.instant(), link.expiresAt())))
                // A link about to expire opens nothing: a session must outlive its own creation.
                .filter(linkAndLeft -> linkAndLeft.getValue().compareTo(MIN_LIFETIME) >= 0)
                .switchIfEmpty(Mono.error(DashboardSessionController::notALink))
                .flatMap(linkAndLeft -> replaceSession(exchange, new DashboardSession(DashboardSession.Kind.LINK,
                                linkAndLeft.getKey().organisationId(), sha256), linkAndLeft.getValue())
                        .thenReturn(SessionView.of(linkAndLeft.getKey(), sessions, clock.instant())));
    }

    /** Opens the new session and closes the one the browser had, so signing in again leaves no orphan. */
    private Mono<Void> replaceSession(ServerWebExchange exchange, DashboardSession session, Duration lifetime) {
        return Mono.justOrEmpty(SessionCookie.read(exchange.getRequest()))
                .flatMap(sessions::close)
                .then(sessions.open(session, lifetime))
                .doOnNext(token -> SessionCookie.set(exchange, token))
                .then();
    }

    /** Closed is an answer, not an error: the page asks this first, every time it opens. */
    @GetMapping
    Mono<SessionView> current(ServerWebExchange exchange) {
        return Mono.justOrEmpty(SessionCookie.read(exchange.getRequest()))
                .flatMap(sessions::find)
                .flatMap(credentials::authenticationOf)
                .map(authentication -> switch (authentication) {
                    case ShareLinkAuthentication link -> SessionView.of(link.link(), sessions, clock.instant());
                    case ApiKeyAuthentication key -> SessionView.of(key.apiKey(), sessions);
                    default -> SessionView.signedOut(sessions);
                })
                .defaultIfEmpty(SessionView.signedOut(sessions));
    }

    @DeleteMapping
    Mono<ResponseEntity<Void>> close(ServerWebExchange exchange) {
        refuseOtherSites(exchange);
        SessionCookie.clear(exchange);
        return Mono.justOrEmpty(SessionCookie.read(exchange.getRequest()))
                .flatMap(sessions::close)
                .thenReturn(ResponseEntity.noContent().build());
    }

    /** A page of another site must not sign a browser in or out (browsers say where a request came from). */
    private static void refuseOtherSites(ServerWebExchange exchange) {
        if (FetchSite.fromAnotherSite(exchange.getRequest())) {
            throw problem(HttpStatus.FORBIDDEN, "forbidden", "sign in and out from the dashboard's own pages");
        }
    }

    private static ErrorResponseException notAKey() {
        return problem(HttpStatus.UNAUTHORIZED, "unauthenticated",
                "that is not a working API key: check it was copied whole (it starts with tk_)"
                        + " and has not been revoked");
    }

    private static ErrorResponseException notALink() {
        return problem(HttpStatus.UNAUTHORIZED, "unauthenticated",
                "this link does not open anything any more: it has expired or was revoked (or was not copied whole)");
    }

    private static ErrorResponseException problem(HttpStatus status, String code, String detail) {
        return ProblemResponses.error(status, code, detail);
    }
}
