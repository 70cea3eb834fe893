package dev.ticklist.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtException;

class IdentityTokensTest {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";

    @Test
    void aTokenCarriesTheOrganisationAndScopes() {
        var tokens = new IdentityTokens(SECRET, Duration.ofMinutes(1));
        var jwt = tokens.decoder().decode(tokens.issue("org_acme", Set.of(Scope.READ, Scope.WRITE)));
        assertThat(jwt.getClaimAsString(IdentityTokens.ORGANISATION_CLAIM)).isEqualTo("org_acme");
        assertThat(jwt.getClaimAsString("scope")).isEqualTo("read write");
        assertThat(jwt.getClaimAsString("iss")).isEqualTo(IdentityTokens.ISSUER);
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        var forger = new IdentityTokens("another-secret-of-at-least-thirty-two-chars", Duration.ofMinutes(1));
        String forged = forger.issue("org_acme", Set.of(Scope.ADMIN));
        assertThatThrownBy(() -> new IdentityTokens(SECRET, Duration.ofMinutes(1)).decoder().decode(forged))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void anExpiredTokenIsRefused() {
        var anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        var tokens = new IdentityTokens(SECRET, Duration.ofMinutes(1), anHourAgo);
        String expired = tokens.issue("org_acme", Set.of(Scope.READ));
        assertThatThrownBy(() -> tokens.decoder().decode(expired)).isInstanceOf(JwtException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aShortSecretIsRefusedAtOnce() {
        assertThatThrownBy(() -> new IdentityTokens("short", Duration.ofMinutes(1)))
                .hasMessageContaining("at least 32 characters");
    }
}
