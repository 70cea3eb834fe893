package dev.ticklist.testsupport;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * A gateway identity key pair (P-256), encoded as the services read it (base64 DER: the public
 * key as X.509, the private key as PKCS#8; platform's IdentityKeys): for the tests' contexts and
 * for the processes of a local stack, where only the gateway is given the private key.
 */
public record IdentityKeyPair(String publicKey, String privateKey) {

    public static IdentityKeyPair generate() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            var pair = generator.generateKeyPair();
            var base64 = Base64.getEncoder();
            return new IdentityKeyPair(base64.encodeToString(pair.getPublic().getEncoded()),
                    base64.encodeToString(pair.getPrivate().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has P-256", e);
        }
    }
}
