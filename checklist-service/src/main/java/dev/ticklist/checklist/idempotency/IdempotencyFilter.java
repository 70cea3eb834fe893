package dev.ticklist.checklist.idempotency;

import dev.ticklist.platform.identity.IdentityTokens;
import dev.ticklist.platform.web.ProblemResponses;
import dev.ticklist.platform.web.ReplayableRequest;
import dev.ticklist.platform.web.StreamedPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on any change to the API: the first request with a key runs, and a
 * retry with the same key and the same request gets the first response again (marked
 * {@code Idempotent-Replayed: true}) without running twice. The same key with a different
 * request is refused (422); a retry while the first is still running gets 409.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("^[\\x21-\\x7E]{1,255}$");

    private final IdempotencyStore store;
    private final StreamedPaths streamed;

    IdempotencyFilter(IdempotencyStore store, StreamedPaths streamed) {
        this.store = store;
        this.streamed = streamed;
    }

    /** Streamed bodies (imports) are never held in memory; an import's own id makes it idempotent. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || request.getMethod().equals("GET")
                || !request.getRequestURI().startsWith("/api/") || streamed.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        Optional<String> organisation = organisation();
        if (organisation.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (!VALID_KEY.matcher(key).matches()) {
            ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "bad-idempotency-key",
                    "Idempotency-Key must be 1 to 255 visible ASCII characters");
            return;
        }
        var body = new ReplayableRequest(request);
        String fingerprint = IdempotencyStore.fingerprint(request.getMethod(), request.getRequestURI(),
                request.getQueryString(), body.body());
        var claim = store.claim(organisation.get(), key, fingerprint);
        switch (claim) {
            case IdempotencyStore.Claim.Replay replay -> {
                response.setStatus(replay.status());
                response.setContentType(replay.contentType());
                response.setHeader("Idempotent-Replayed", "true");
                response.getOutputStream().write(replay.body().getBytes(StandardCharsets.UTF_8));
            }
            case IdempotencyStore.Claim.InProgress inProgress -> ProblemResponses.write(response, HttpStatus.CONFLICT,
                    "idempotency-key-in-progress", "a request with this Idempotency-Key is still running; retry later");
            case IdempotencyStore.Claim.Mismatch mismatch -> ProblemResponses.write(response, HttpStatus.UNPROCESSABLE_CONTENT,
                    "idempotency-key-reused", "this Idempotency-Key was used for a different request");
            case IdempotencyStore.Claim.First first -> runFirst(body, response, chain, organisation.get(), key);
        }
    }

    private void runFirst(ReplayableRequest request, HttpServletResponse response, FilterChain chain,
                          String organisation, String key) throws IOException, ServletException {
        var recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, recorded);
        } catch (IOException | ServletException | RuntimeException e) {
            store.release(organisation, key);
            throw e;
        }
        if (recorded.getStatus() >= 500) {
            // Nothing is known to have happened: let a retry run again.
            store.release(organisation, key);
        } else {
            store.complete(organisation, key, recorded.getStatus(), recorded.getContentType(),
                    new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8));
        }
        recorded.copyBodyToResponse();
    }

    private static Optional<String> organisation() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return Optional.ofNullable(token.getToken().getClaimAsString(IdentityTokens.ORGANISATION_CLAIM));
        }
        return Optional.empty();
    }
}
