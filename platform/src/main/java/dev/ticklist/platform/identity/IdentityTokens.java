package dev.ticklist.platform.identity;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Short-lived signed identity tokens (JWT, HS256): the gateway issues one for the
 * organisation behind the API key, and every service verifies it before doing anything.
 */
public final class IdentityTokens {

    public static final String ISSUER = "ticklist-gateway";
    public static final String ORGANISATION_CLAIM = "org";

    private final SecretKey key;
    private final Duration ttl;
    private final NimbusJwtEncoder encoder;
    private final Clock clock;

    public IdentityTokens(String secret, Duration ttl) {
        this(secret, ttl, Clock.systemUTC());
    }

    IdentityTokens(String secret, Duration ttl, Clock clock) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("the identity secret must be at least 32 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.ttl = ttl;
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.clock = clock;
    }

    public IdentityTokens(IdentityProperties properties) {
        this(properties.secret(), properties.ttl());
    }

    public String issue(String organisationId, Set<Scope> scopes) {
        Instant now = clock.instant();
        var claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(organisationId)
                .claim(ORGANISATION_CLAIM, organisationId)
                .claim("scope", String.join(" ", scopes.stream().map(Scope::value).sorted().toList()))
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .build();
        var header = JwsHeader.with(MacAlgorithm.HS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    public JwtDecoder decoder() {
        var decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
        return decoder;
    }
}
