package dev.ticklist.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

class VerifiedTokenCacheTest {

    private final IdentityTokens tokens = new IdentityTokens(IdentityKeys.generate(), Duration.ofSeconds(60));
    private final List<String> verified = new ArrayList<>();
    private final JwtDecoder counting = token -> {
        verified.add(token);
        return tokens.decoder("checklist-service").decode(token);
    };

    @Test
    void aTokenVerifiedOnceIsTakenAsVerifiedUntilItExpires() {
        String token = tokens.issue("org_acme", Set.of(Scope.READ), "checklist-service");
        var cache = new VerifiedTokenCache(counting, Clock.systemUTC());

        Jwt first = cache.decode(token);
        Jwt second = cache.decode(token);

        assertThat(second).isSameAs(first);
        assertThat(verified).hasSize(1);
        assertThat(second.getClaimAsString(IdentityTokens.ORGANISATION_CLAIM)).isEqualTo("org_acme");
    }

    @Test
    void onceItsExpiryHasPassedATokenIsVerifiedAgain() {
        String token = tokens.issue("org_acme", Set.of(Scope.READ), "checklist-service");
        var now = new AtomicReference<>(Instant.now());
        var cache = new VerifiedTokenCache(counting, now::get);
        cache.decode(token);
        cache.decode(token);
        assertThat(verified).hasSize(1);

        now.set(now.get().plusSeconds(61));
        cache.decode(token); // the decoder itself runs on the real clock here, so it still accepts
        assertThat(verified).hasSize(2);
    }

    @Test
    void aTokenThatDiffersInOneCharacterIsVerifiedInFull() {
        String token = tokens.issue("org_acme", Set.of(Scope.ADMIN), "checklist-service");
        var cache = new VerifiedTokenCache(counting, Clock.systemUTC());
        cache.decode(token);

        // The signature's first character: its last one also holds base64url padding bits, so
        // changing it may leave the decoded signature as it was (and the token valid).
        int at = token.lastIndexOf('.') + 1;
        String forged = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);

        assertThatThrownBy(() -> cache.decode(forged)).isInstanceOf(JwtException.class);
        assertThat(verified).containsExactly(token, forged);
    }
}
