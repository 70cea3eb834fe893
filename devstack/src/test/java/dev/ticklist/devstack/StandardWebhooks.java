package dev.ticklist.devstack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a Standard Webhooks signature, written from the specification alone
 * (not from Ticklist's signing code), as any receiver would write it.
 */
final class StandardWebhooks {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private StandardWebhooks() {
    }

    static boolean verify(String secret, String id, String timestamp, String body, String signatureHeader) {
        if (id == null || timestamp == null || signatureHeader == null) {
            return false;
        }
        long sentAt = Long.parseLong(timestamp);
        if (Duration.between(Instant.ofEpochSecond(sentAt), Instant.now()).abs().compareTo(TOLERANCE) > 0) {
            return false;
        }
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        byte[] expected;
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        for (String signature : signatureHeader.split(" ")) {
            String[] versioned = signature.split(",", 2);
            if (versioned.length == 2 && versioned[0].equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(versioned[1]))) {
                return true;
            }
        }
        return false;
    }
}
