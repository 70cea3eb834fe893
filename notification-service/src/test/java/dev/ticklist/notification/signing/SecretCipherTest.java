package dev.ticklist.notification.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private final SecretCipher cipher = new SecretCipher(randomKey());

    @Test
    void encryptsAsVersionOneIvAndCiphertextAndDecryptsBack() {
        String stored = cipher.encrypt(SECRET, "org_acme/ep_1");

        assertThat(stored).startsWith("v1:").doesNotContain(SECRET).doesNotContain("MfKQ9r8");
        byte[] bytes = Base64.getDecoder().decode(stored.substring(3));
        assertThat(bytes).hasSize(12 + SECRET.length() + 16); // IV, ciphertext, GCM tag
        assertThat(cipher.decrypt(stored, "org_acme/ep_1")).isEqualTo(SECRET);
    }

    @Test
    void everyEncryptionUsesAFreshIv() {
        assertThat(cipher.encrypt(SECRET, "org_acme/ep_1")).isNotEqualTo(cipher.encrypt(SECRET, "org_acme/ep_1"));
    }

    @Test
    void doesNotDecryptWithAnotherKeyAnotherEndpointOrAlteredText() {
        String stored = cipher.encrypt(SECRET, "org_acme/ep_1");

        assertThatThrownBy(() -> new SecretCipher(randomKey()).decrypt(stored, "org_acme/ep_1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decrypt(stored, "org_other/ep_1"))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] bytes = Base64.getDecoder().decode(stored.substring(3));
        bytes[20] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt("v1:" + Base64.getEncoder().encodeToString(bytes), "org_acme/ep_1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void needsAnAes256Key() {
        assertThatThrownBy(() -> new SecretCipher(new byte[16])).hasMessageContaining("32-byte key");
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
