package dev.ticklist.testsupport;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One identity key pair (P-256) per test JVM, as the gateway and services are configured with:
 * base64 DER, public key as X.509, private as PKCS#8. Every test context gets both, so a test
 * can mint the tokens the gateway would hand on with the context's own {@code IdentityTokens}.
 */
public final class TestIdentityKeys {

    private static final KeyPair PAIR = generate();

    private TestIdentityKeys() {
    }

    public static String publicKey() {
        return Base64.getEncoder().encodeToString(PAIR.getPublic().getEncoded());
    }

    public static String privateKey() {
        return Base64.getEncoder().encodeToString(PAIR.getPrivate().getEncoded());
    }

    /** As Spring properties. */
    public static Map<String, Object> properties() {
        return Map.of("ticklist.identity.public-key", publicKey(), "ticklist.identity.private-key", privateKey());
    }

    /** As command-line arguments of a Spring application. */
    public static List<String> arguments() {
        return List.of("--ticklist.identity.public-key=" + publicKey(), "--ticklist.identity.private-key=" + privateKey());
    }

    private static KeyPair generate() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has P-256", e);
        }
    }
}
