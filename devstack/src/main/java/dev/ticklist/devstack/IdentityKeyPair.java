package dev.ticklist.devstack;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * The gateway's identity key pair for one local stack, encoded as the services read it (base64
 * DER: the public key as X.509, the private key as PKCS#8; platform's IdentityKeys). The gateway
 * alone is given the private key.
 */
record IdentityKeyPair(String publicKey, String privateKey) {

    static IdentityKeyPair generate() {
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
