package dev.ticklist.platform.identity;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers identity tokens already verified, by their exact text, until they expire: the
 * gateway hands on one token per organisation and scopes for half a minute, so a service would
 * otherwise verify the same signature hundreds of times a second (about a tenth of a tick's CPU,
 * docs/benchmarks.md). A token that differs in any character — another signature, a forgery — is
 * verified in full. At most {@link #MAX_ENTRIES} tokens are kept; beyond that it starts afresh.
 */
public final class VerifiedTokenCache implements JwtDecoder {

    static final int MAX_ENTRIES = 10_000;

    private final JwtDecoder decoder;
    private final InstantSource clock;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    public VerifiedTokenCache(JwtDecoder decoder, InstantSource clock) {
        this.decoder = decoder;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Jwt known = verified.get(token);
        if (known != null && known.getExpiresAt() != null && now.isBefore(known.getExpiresAt())) {
            return known;
        }
        if (known != null) {
            verified.remove(token);
        }
        Jwt jwt = decoder.decode(token);
        if (jwt.getExpiresAt() != null) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
            verified.put(token, jwt);
        }
        return jwt;
    }
}
