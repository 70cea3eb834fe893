package dev.ticklist.notification.verify;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Checks a delivery the way a Standard Webhooks receiver would (https://www.standardwebhooks.com/).
 *
 * <p>Written from the specification, not from notification-service's signing code, so that a test passing
 * here means a third-party receiver would accept what the service sends. The expected {@code v1} signature
 * comes from the reference library ({@code com.standardwebhooks:standardwebhooks}); its own {@code verify}
 * is not used because it reads {@code System.currentTimeMillis()}, which would rule out the published test
 * vector and any test of the tolerance against a fixed clock. The header checks, the tolerance and the
 * constant-time any-of match below follow the specification.
 */
public final class StandardWebhooksVerifier {

    /** Receivers reject timestamps further than this from their own clock, in either direction. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final String SECRET_PREFIX = "whsec_";
    private static final String VERSION = "v1";

    private final Webhook reference;
    private final Clock clock;

    /** @param secret the endpoint secret as handed to a receiver: {@code whsec_<base64 key>} */
    public StandardWebhooksVerifier(String secret, Clock clock) {
        Objects.requireNonNull(secret, "secret");
        this.clock = Objects.requireNonNull(clock, "clock");
        // The library also takes a bare key; a receiver is given the prefixed form, so insist on it.
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("secret does not start with " + SECRET_PREFIX);
        }
        try {
            this.reference = new Webhook(secret);
        } catch (EmptyWebhookSecretException | IllegalArgumentException e) {
            throw new IllegalArgumentException("secret is not " + SECRET_PREFIX + "<base64 key>: " + e.getMessage(), e);
        }
    }

    /** Throws {@link VerificationFailed} saying why, unless a receiver would accept this delivery. */
    public void verify(String webhookId, String webhookTimestamp, String webhookSignature, byte[] body) {
        requireHeader("webhook-id", webhookId);
        requireHeader("webhook-timestamp", webhookTimestamp);
        requireHeader("webhook-signature", webhookSignature);
        if (body == null) {
            throw new VerificationFailed("missing body");
        }
        long timestamp = withinTolerance(webhookTimestamp);
        byte[] expected = base64Part(sign(webhookId, timestamp, text(body))).getBytes(StandardCharsets.US_ASCII);

        // Space-separated entries; any v1 entry that matches is enough (senders list several while rotating).
        for (String entry : webhookSignature.trim().split(" +")) {
            int comma = entry.indexOf(',');
            if (comma < 0 || !entry.substring(0, comma).equals(VERSION)) {
                continue; // other versions and schemes are not ours to judge
            }
            byte[] candidate = entry.substring(comma + 1).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, candidate)) {
                return;
            }
        }
        throw new VerificationFailed("no v1 signature in webhook-signature matches id, timestamp and body: "
                + webhookSignature);
    }

    /** {@link #verify} as a yes/no, for assertions that only care about the outcome. */
    public boolean verifies(String webhookId, String webhookTimestamp, String webhookSignature, byte[] body) {
        try {
            verify(webhookId, webhookTimestamp, webhookSignature, body);
            return true;
        } catch (VerificationFailed e) {
            return false;
        }
    }

    private static void requireHeader(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new VerificationFailed("missing " + name + " header");
        }
    }

    private long withinTolerance(String header) {
        long timestamp;
        try {
            timestamp = Long.parseLong(header);
        } catch (NumberFormatException e) {
            throw new VerificationFailed("webhook-timestamp is not unix seconds: " + header);
        }
        // The header text is what was signed; "+5" or "05" would be re-signed as "5" and fail confusingly.
        if (!Long.toString(timestamp).equals(header)) {
            throw new VerificationFailed("webhook-timestamp is not plain unix seconds: " + header);
        }
        long now = clock.instant().getEpochSecond();
        long tolerance = TOLERANCE.toSeconds();
        if (timestamp < now - tolerance) {
            throw new VerificationFailed("webhook-timestamp too old: " + (now - timestamp)
                    + " s before now, tolerance " + tolerance + " s");
        }
        if (timestamp > now + tolerance) {
            throw new VerificationFailed("webhook-timestamp too new: " + (timestamp - now)
                    + " s after now, tolerance " + tolerance + " s");
        }
        return timestamp;
    }

    /**
     * The library signs a String (as UTF-8). Decoding strictly keeps that exact: a lenient decode would map
     * different invalid bytes to the same replacement character and let a changed body verify.
     */
    private static String text(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new VerificationFailed("body is not valid UTF-8, so it cannot be checked here");
        }
    }

    private String sign(String webhookId, long timestamp, String body) {
        try {
            return reference.sign(webhookId, timestamp, body);
        } catch (WebhookSigningException e) {
            throw new IllegalStateException("reference library could not sign", e);
        }
    }

    private static String base64Part(String versioned) {
        return versioned.substring(versioned.indexOf(',') + 1);
    }

    /** Why a delivery would be rejected by a Standard Webhooks receiver. */
    public static final class VerificationFailed extends RuntimeException {
        public VerificationFailed(String reason) {
            super(reason);
        }
    }
}
