package dev.ticklist.notification.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticklist.notification.verify.StandardWebhooksVerifier.VerificationFailed;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The verifier against the specification's published test vector, so it is known right before any test
 * trusts it to judge notification-service's signatures.
 */
class StandardWebhooksVerifierTest {

    // Published vector: standard-webhooks/standard-webhooks, libraries/java WebhookTest#verifyWebhookSignWorks.
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TIMESTAMP = 1614265330L;
    static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    // Well-formed but wrong: the reference library's own test uses it as a decoy.
    static final String OTHER_SIGNATURE = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";

    final StandardWebhooksVerifier verifier = verifierAt(TIMESTAMP);

    static StandardWebhooksVerifier verifierAt(long epochSecond) {
        return new StandardWebhooksVerifier(SECRET, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    static String ts(long epochSecond) {
        return Long.toString(epochSecond);
    }

    @Test
    void thePublishedVectorVerifies() {
        assertThatCode(() -> verifier.verify(ID, ts(TIMESTAMP), SIGNATURE, BODY)).doesNotThrowAnyException();
        assertThat(verifier.verifies(ID, ts(TIMESTAMP), SIGNATURE, BODY)).isTrue();
    }

    @Test
    void aChangedBodyByteFails() {
        byte[] changed = BODY.clone();
        changed[changed.length - 2] ^= 1; // 4 -> 5 in the number: still valid JSON, different bytes

        assertThatThrownBy(() -> verifier.verify(ID, ts(TIMESTAMP), SIGNATURE, changed))
                .isInstanceOf(VerificationFailed.class)
                .hasMessageContaining("no v1 signature");
    }

    @Test
    void aSwappedIdFails() {
        assertThat(verifier.verifies("msg_p5jXN8AQM9LWM0D4loKWxJel", ts(TIMESTAMP), SIGNATURE, BODY)).isFalse();
    }

    @Test
    void anotherSecretFails() {
        var other = new StandardWebhooksVerifier("whsec_" + "A".repeat(32), Clock.fixed(
                Instant.ofEpochSecond(TIMESTAMP), ZoneOffset.UTC));

        assertThat(other.verifies(ID, ts(TIMESTAMP), SIGNATURE, BODY)).isFalse();
    }

    // The clock moves rather than the timestamp, so the published signature stays valid.
    @ParameterizedTest
    @ValueSource(longs = {299, -299, 300, -300})
    void aTimestampWithinFiveMinutesEitherWayPasses(long receiverClockOffset) {
        assertThat(verifierAt(TIMESTAMP + receiverClockOffset).verifies(ID, ts(TIMESTAMP), SIGNATURE, BODY)).isTrue();
    }

    @Test
    void aTimestamp301SecondsOldFails() {
        assertThatThrownBy(() -> verifierAt(TIMESTAMP + 301).verify(ID, ts(TIMESTAMP), SIGNATURE, BODY))
                .isInstanceOf(VerificationFailed.class)
                .hasMessageContaining("too old");
    }

    @Test
    void aTimestamp301SecondsAheadFails() {
        assertThatThrownBy(() -> verifierAt(TIMESTAMP - 301).verify(ID, ts(TIMESTAMP), SIGNATURE, BODY))
                .isInstanceOf(VerificationFailed.class)
                .hasMessageContaining("too new");
    }

    @Test
    void anyMatchingV1SignatureIsEnough() {
        assertThat(verifier.verifies(ID, ts(TIMESTAMP), OTHER_SIGNATURE, BODY)).isFalse();
        assertThat(verifier.verifies(ID, ts(TIMESTAMP), OTHER_SIGNATURE + " " + SIGNATURE, BODY)).isTrue();
    }

    @Test
    void theRightDigestUnderAnotherVersionFails() {
        String digest = SIGNATURE.substring("v1,".length());

        assertThatThrownBy(() -> verifier.verify(ID, ts(TIMESTAMP), "v2," + digest + " v1a," + digest + " " + digest, BODY))
                .isInstanceOf(VerificationFailed.class)
                .hasMessageContaining("no v1 signature");
    }

    @Test
    void missingHeadersAreNamed() {
        assertThatThrownBy(() -> verifier.verify(null, ts(TIMESTAMP), SIGNATURE, BODY))
                .isInstanceOf(VerificationFailed.class).hasMessage("missing webhook-id header");
        assertThatThrownBy(() -> verifier.verify(ID, " ", SIGNATURE, BODY))
                .isInstanceOf(VerificationFailed.class).hasMessage("missing webhook-timestamp header");
        assertThatThrownBy(() -> verifier.verify(ID, ts(TIMESTAMP), "", BODY))
                .isInstanceOf(VerificationFailed.class).hasMessage("missing webhook-signature header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1614265330.0", "1614265330000ms", "+1614265330", "01614265330"})
    void aTimestampThatIsNotPlainUnixSecondsFails(String header) {
        assertThatThrownBy(() -> verifier.verify(ID, header, SIGNATURE, BODY))
                .isInstanceOf(VerificationFailed.class)
                .hasMessageContaining("unix seconds");
    }

    @Test
    void aBodyThatIsNotUtf8FailsRatherThanBeingGuessedAt() {
        byte[] invalid = {'{', (byte) 0xFF, '}'};

        assertThatThrownBy(() -> verifier.verify(ID, ts(TIMESTAMP), SIGNATURE, invalid))
                .isInstanceOf(VerificationFailed.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void aSecretWithoutTheWhsecPrefixIsRefused() {
        assertThatThrownBy(() -> new StandardWebhooksVerifier("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
