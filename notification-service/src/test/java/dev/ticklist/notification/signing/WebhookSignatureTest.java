package dev.ticklist.notification.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void reproducesTheStandardWebhooksReferenceSignature() {
        // The published test vector of the Standard Webhooks specification and its libraries.
        var secret = new SigningSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSignature.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void theSignatureCoversIdTimestampAndBody() {
        var secret = SigningSecret.generate();
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignature.sign(secret, "msg_1", 1000, body);

        assertThat(signature).matches("v1,[A-Za-z0-9+/]{43}=");
        assertThat(WebhookSignature.sign(secret, "msg_2", 1000, body)).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(secret, "msg_1", 1001, body)).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(secret, "msg_1", 1000, "{\"a\":2}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(SigningSecret.generate(), "msg_1", 1000, body)).isNotEqualTo(signature);
    }

    @Test
    void aNewSecretIsWhsecAndTheBase64Of24RandomBytes() {
        var secret = SigningSecret.generate();

        assertThat(secret.value()).matches("whsec_[A-Za-z0-9+/]{32}");
        assertThat(Base64.getDecoder().decode(secret.value().substring("whsec_".length()))).hasSize(24);
        assertThat(secret.keyBytes()).hasSize(24);
        assertThat(SigningSecret.generate()).isNotEqualTo(secret);
        assertThat(secret.toString()).doesNotContain(secret.value());
    }

    @Test
    void aSecretWithoutThePrefixIsRefused() {
        assertThatThrownBy(() -> new SigningSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
