package dev.ticklist.platform.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Short-lived signed identity tokens (JWT, ES256): the gateway issues one for the organisation
 * behind the API key, addressed to the services that will read it ({@code aud}), and every
 * service verifies it, its audience included, before doing anything. Only the gateway holds the
 * private key ({@link IdentityKeys}); a service's tokens cannot be made anywhere else.
 */
public final class IdentityTokens {

    public static final String ISSUER = "ticklist-gateway";
    public static final String ORGANISATION_CLAIM = "org";

    private final IdentityKeys keys;
    private final Duration ttl;
    private final NimbusJwtEncoder encoder;
    private final Clock clock;

    public IdentityTokens(IdentityKeys keys, Duration ttl) {
        this(keys, ttl, Clock.systemUTC());
    }

    IdentityTokens(IdentityKeys keys, Duration ttl, Clock clock) {
        this.keys = keys;
        this.ttl = ttl;
        this.clock = clock;
        this.encoder = keys.privateKey().map(privateKey -> new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(
                new ECKey.Builder(Curve.P_256, keys.publicKey()).privateKey(privateKey).build())))).orElse(null);
    }

    public IdentityTokens(IdentityProperties properties) {
        this(IdentityKeys.decode(properties.publicKey(), properties.privateKey()), properties.ttl());
    }

    /**
     * A token for the organisation with these scopes, accepted by the services named as its
     * audience and no other.
     */
    public String issue(String organisationId, Set<Scope> scopes, List<String> audience) {
        if (encoder == null) {
            throw new IllegalStateException("only the gateway signs identity tokens: this process has no private key");
        }
        Instant now = clock.instant();
        var claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(organisationId)
                .audience(audience)
                .claim(ORGANISATION_CLAIM, organisationId)
                .claim("scope", String.join(" ", scopes.stream().map(Scope::value).sorted().toList()))
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .build();
        var header = JwsHeader.with(SignatureAlgorithm.ES256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    /** A token for one service. */
    public String issue(String organisationId, Set<Scope> scopes, String audience) {
        return issue(organisationId, scopes, List.of(audience));
    }

    /** Verifies the gateway's signature, the issuer, the expiry, and that {@code audience} is among the token's. */
    public JwtDecoder decoder(String audience) {
        var processor = new DefaultJWTProcessor<SecurityContext>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256,
                new ImmutableJWKSet<>(new JWKSet(new ECKey.Builder(Curve.P_256, keys.publicKey()).build()))));
        processor.setJWTClaimsSetVerifier((claims, context) -> {
            // Spring's validators below decide; Nimbus's defaults would check the expiry twice.
        });
        var decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(ISSUER),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audiences -> audiences != null && audiences.contains(audience))));
        return decoder;
    }
}
