package dev.ticklist.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/** Compared with what the resource server builds by default: a ProviderManager over a JwtAuthenticationProvider. */
class IdentityTokenAuthenticationTest {

    private final IdentityTokens tokens = new IdentityTokens(IdentityKeys.generate(), Duration.ofSeconds(60));
    private final JwtDecoder decoder = tokens.decoder("checklist-service");
    private final AuthenticationManager springs = new ProviderManager(new JwtAuthenticationProvider(decoder));
    private final IdentityTokenAuthentication ours = new IdentityTokenAuthentication(decoder);

    @Test
    void everySetOfScopesGetsTheAuthoritiesNameAndTokenSpringSecurityGives() {
        for (int bits = 0; bits < 1 << Scope.values().length; bits++) {
            var scopes = EnumSet.noneOf(Scope.class);
            for (Scope scope : Scope.values()) {
                if ((bits & 1 << scope.ordinal()) != 0) {
                    scopes.add(scope);
                }
            }
            String token = tokens.issue("org_" + bits, scopes, "checklist-service");
            for (int twice = 0; twice < 2; twice++) { // the second time from the remembered authorities
                Authentication expected = springs.authenticate(new BearerTokenAuthenticationToken(token));
                Authentication actual = ours.authenticate(new BearerTokenAuthenticationToken(token));
                assertThat(namesOf(actual)).as("scopes %s", scopes).containsExactlyInAnyOrderElementsOf(namesOf(expected));
                assertThat(actual.getName()).isEqualTo(expected.getName());
                assertThat(actual.getCredentials()).isEqualTo(expected.getCredentials());
                assertThat(actual.isAuthenticated()).isTrue();
                assertThat(bearerFactorOf(actual).getIssuedAt()).as("the factor is issued with each authentication")
                        .isAfterOrEqualTo(bearerFactorOf(expected).getIssuedAt());
            }
        }
    }

    private static FactorGrantedAuthority bearerFactorOf(Authentication authentication) {
        return authentication.getAuthorities().stream().filter(FactorGrantedAuthority.class::isInstance)
                .map(FactorGrantedAuthority.class::cast).findFirst().orElseThrow();
    }

    private static List<String> namesOf(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void aForgedOrForeignTokenIsRefusedAsSpringSecurityRefusesIt() {
        String signed = tokens.issue("org_acme", Set.of(Scope.WRITE), "checklist-service");
        int signature = signed.lastIndexOf('.') + 1;
        // The signature's first character changed (its last one also holds base64url padding bits).
        String forged = signed.substring(0, signature) + (signed.charAt(signature) == 'A' ? 'B' : 'A')
                + signed.substring(signature + 1);
        assertThat(forged).isNotEqualTo(signed);
        String foreign = tokens.issue("org_acme", Set.of(Scope.WRITE), "progress-service");
        for (String token : new String[] {forged, foreign, "not-a-token"}) {
            var bearer = token;
            assertThatThrownBy(() -> springs.authenticate(new BearerTokenAuthenticationToken(bearer)))
                    .isInstanceOf(InvalidBearerTokenException.class);
            assertThatThrownBy(() -> ours.authenticate(new BearerTokenAuthenticationToken(bearer)))
                    .isInstanceOf(InvalidBearerTokenException.class);
        }
    }
}
