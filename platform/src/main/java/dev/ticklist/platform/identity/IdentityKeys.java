package dev.ticklist.platform.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's identity key pair (ECDSA P-256): the gateway alone holds the private key and
 * signs; every service holds only the public key and verifies. A service's configuration, read
 * by anyone, therefore cannot mint a token any service accepts. Both keys travel as base64 of
 * their standard DER encodings (X.509 SubjectPublicKeyInfo, PKCS#8), which
 * {@code openssl ec -pubout -outform DER | base64} and {@code openssl pkcs8 -topk8 -nocrypt
 * -outform DER | base64} write.
 */
public record IdentityKeys(ECPublicKey publicKey, Optional<ECPrivateKey> privateKey) {

    public static final String PUBLIC_KEY_VARIABLE = "TICKLIST_IDENTITY_PUBLIC_KEY";
    public static final String PRIVATE_KEY_VARIABLE = "TICKLIST_IDENTITY_PRIVATE_KEY";

    /** A fresh key pair, for a local stack, a benchmark or a test. */
    public static IdentityKeys generate() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            var pair = generator.generateKeyPair();
            return new IdentityKeys((ECPublicKey) pair.getPublic(), Optional.of((ECPrivateKey) pair.getPrivate()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has P-256", e);
        }
    }

    /** The keys as configured: the public key always, the private key only where it signs (the gateway). */
    public static IdentityKeys decode(String publicKey, String privateKey) {
        try {
            var factory = KeyFactory.getInstance("EC");
            var verifying = (ECPublicKey) factory.generatePublic(new X509EncodedKeySpec(base64(publicKey)));
            var signing = privateKey == null || privateKey.isBlank() ? Optional.<ECPrivateKey>empty()
                    : Optional.of((ECPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(base64(privateKey))));
            return new IdentityKeys(verifying, signing);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("the identity keys are not base64 DER EC (P-256) keys: "
                    + "public as X.509 SubjectPublicKeyInfo, private as PKCS#8", e);
        }
    }

    public String encodedPublicKey() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    public String encodedPrivateKey() {
        return Base64.getEncoder().encodeToString(privateKey.orElseThrow().getEncoded());
    }

    /** The environment of a process given these keys: the public key, and the private key if held. */
    public Map<String, String> environment() {
        var environment = new LinkedHashMap<String, String>();
        environment.put(PUBLIC_KEY_VARIABLE, encodedPublicKey());
        privateKey.ifPresent(key -> environment.put(PRIVATE_KEY_VARIABLE, encodedPrivateKey()));
        return environment;
    }

    /**
     * {@code java -cp service.jar dev.ticklist.platform.identity.IdentityKeys <public-key file> <private-key file>}:
     * writes a new pair, base64 as configured, unless the public key's file already holds one
     * (the Docker stack's first start, docker/create-secrets.sh). Files are readable by all
     * (the services run as another user); the folders decide who sees them.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: IdentityKeys <public-key file> <private-key file>");
            System.exit(2);
        }
        Path publicFile = Path.of(args[0]);
        Path privateFile = Path.of(args[1]);
        if (Files.exists(publicFile) && Files.size(publicFile) > 0 && Files.exists(privateFile)) {
            return;
        }
        var keys = generate();
        Files.writeString(privateFile, keys.encodedPrivateKey());
        Files.writeString(publicFile, keys.encodedPublicKey());
        System.out.println("created " + publicFile + " and " + privateFile);
    }

    private static byte[] base64(String text) {
        return Base64.getMimeDecoder().decode(text.strip());
    }
}
