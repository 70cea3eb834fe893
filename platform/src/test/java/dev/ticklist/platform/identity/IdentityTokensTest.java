package dev.ticklist.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.JwtException;

class IdentityTokensTest {

    private static final IdentityKeys GATEWAY = IdentityKeys.generate();
    private static final Duration TTL = Duration.ofMinutes(1);

    private final IdentityTokens gateway = new IdentityTokens(GATEWAY, TTL);

    @Test
    void aTokenCarriesTheOrganisationScopesAndAudience() {
        var jwt = gateway.decoder("checklist-service")
                .decode(gateway.issue("org_acme", Set.of(Scope.READ, Scope.WRITE), "checklist-service"));

        assertThat(jwt.getClaimAsString(IdentityTokens.ORGANISATION_CLAIM)).isEqualTo("org_acme");
        assertThat(jwt.getClaimAsString("scope")).isEqualTo("read write");
        assertThat(jwt.getClaimAsString("iss")).isEqualTo(IdentityTokens.ISSUER);
        assertThat(jwt.getAudience()).containsExactly("checklist-service");
        assertThat(jwt.getHeaders()).containsEntry("alg", "ES256");
    }

    @Test
    void aServiceRefusesATokenAddressedToAnotherService() {
        String forProgress = gateway.issue("org_acme", Set.of(Scope.ADMIN), "progress-service");

        assertThatThrownBy(() -> gateway.decoder("notification-service").decode(forProgress))
                .isInstanceOf(JwtException.class).hasMessageContaining("aud");
        assertThat(gateway.decoder("progress-service").decode(forProgress).getSubject()).isEqualTo("org_acme");
    }

    @Test
    void aTokenForSeveralServicesIsAcceptedByEachOfThem() {
        String token = gateway.issue("org_acme", Set.of(Scope.READ), List.of("checklist-service", "progress-service"));

        assertThat(gateway.decoder("checklist-service").decode(token).getSubject()).isEqualTo("org_acme");
        assertThat(gateway.decoder("progress-service").decode(token).getSubject()).isEqualTo("org_acme");
    }

    /** What a service is configured with (the public key) is all anyone learns by reading its settings. */
    @Test
    void aServicesConfigurationCannotMintATokenAnyServiceAccepts() {
        var serviceSettings = IdentityKeys.decode(GATEWAY.encodedPublicKey(), null);
        var service = new IdentityTokens(serviceSettings, TTL);

        assertThatThrownBy(() -> service.issue("org_acme", Set.of(Scope.PLATFORM), "checklist-service"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("only the gateway signs");

        // Nor does a key pair of its own help: the signature must be the gateway's.
        var forger = new IdentityTokens(IdentityKeys.generate(), TTL);
        String forged = forger.issue("org_acme", Set.of(Scope.PLATFORM), "checklist-service");
        assertThatThrownBy(() -> service.decoder("checklist-service").decode(forged)).isInstanceOf(JwtException.class);
        // And an unsigned token ("alg": "none") carrying the same claims is refused too.
        String[] parts = forged.split("\\.");
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + parts[1] + ".";
        assertThatThrownBy(() -> service.decoder("checklist-service").decode(unsigned)).isInstanceOf(JwtException.class);
    }

    @Test
    void anExpiredTokenIsRefused() {
        var anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        var tokens = new IdentityTokens(GATEWAY, TTL, anHourAgo);
        String expired = tokens.issue("org_acme", Set.of(Scope.READ), "checklist-service");

        assertThatThrownBy(() -> tokens.decoder("checklist-service").decode(expired)).isInstanceOf(JwtException.class)
                .hasMessageContaining("expired");
    }

    /** The Docker stack's secrets step: a pair once, and never another over it. */
    @Test
    void theKeyToolWritesAPairThatDecodesAndNeverReplacesIt(@TempDir Path folder) throws Exception {
        Path publicFile = folder.resolve("ticklist.identity.public-key");
        Path privateFile = folder.resolve("ticklist.identity.private-key");

        IdentityKeys.main(new String[] {publicFile.toString(), privateFile.toString()});
        String written = Files.readString(publicFile);
        IdentityKeys.main(new String[] {publicFile.toString(), privateFile.toString()});

        assertThat(Files.readString(publicFile)).isEqualTo(written);
        var keys = IdentityKeys.decode(written, Files.readString(privateFile));
        var tokens = new IdentityTokens(keys, TTL);
        assertThat(tokens.decoder("checklist-service")
                .decode(tokens.issue("org_acme", Set.of(Scope.READ), "checklist-service")).getSubject()).isEqualTo("org_acme");
    }

    @Test
    void keysThatAreNotBase64DerP256AreRefusedAtOnce() {
        assertThatThrownBy(() -> IdentityKeys.decode("not a key", null))
                .hasMessageContaining("not base64 DER EC (P-256) keys");
    }
}
