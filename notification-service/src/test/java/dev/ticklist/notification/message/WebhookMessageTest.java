package dev.ticklist.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.milestone.LevelCompleted;
import dev.ticklist.events.milestone.LevelCompleted.ItemEvidence;
import dev.ticklist.events.milestone.LevelCompleted.SkippedItem;
import dev.ticklist.notification.signing.SigningSecret;
import dev.ticklist.notification.signing.WebhookSignature;
import dev.ticklist.notification.webhooktype.WebhookTypes;
import dev.ticklist.notification.webhooktype.WebhookVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WebhookMessageTest {

    private static final String V1 = "dev.ticklist.level.completed.v1";
    private static final String V2 = "dev.ticklist.level.completed.v2";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventEnvelope<LevelCompleted> milestone = new EventEnvelope<>("evt-1", "/ticklist/progress-service",
            Instant.parse("2026-11-23T10:15:30Z"),
            new LevelCompleted("org_acme", "coh_1", "ada@example.org", "machine-learning", 2, "entry", 25,
                    List.of(new SkippedItem("spark", "Our track uses pandas only")),
                    List.of(new ItemEvidence("regression", "https://github.com/ada/house-prices", "Ridge regression"),
                            new ItemEvidence("trees", null, "Kaggle notebook"))));

    @Test
    void theIdIsStableAndDerivedFromTheMilestoneAndTheEndpoint() throws Exception {
        String expected = "msg_" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("evt-1:ep_1".getBytes(StandardCharsets.UTF_8))).substring(0, 32);

        assertThat(WebhookMessage.of(milestone, version(V1), "ep_1").id()).isEqualTo(expected)
                .matches("msg_[0-9a-f]{32}");
        assertThat(WebhookMessage.of(milestone, version(V1), "ep_1"))
                .isEqualTo(WebhookMessage.of(milestone, version(V1), "ep_1"));
        assertThat(WebhookMessage.of(milestone, version(V1), "ep_2").id()).isNotEqualTo(expected);
    }

    @Test
    void theIdIsTheSameWhicheverVersionTheEndpointGets() {
        // An endpoint moving from v1 to v2 is not sent again what it was sent as v1.
        assertThat(WebhookMessage.of(milestone, version(V2), "ep_1").id())
                .isEqualTo(WebhookMessage.of(milestone, version(V1), "ep_1").id());
    }

    @Test
    void theBodyCarriesTypeTimestampAndTheEventsFieldsWithItsId() {
        var message = WebhookMessage.of(milestone, version(V1), "ep_1");
        var body = JSON.readTree(message.body());

        assertThat(message.eventType()).isEqualTo(V1);
        assertThat(body.path("type").asString()).isEqualTo(V1);
        assertThat(body.path("timestamp").asString()).isEqualTo("2026-11-23T10:15:30Z");
        var data = body.path("data");
        assertThat(data.path("organisationId").asString()).isEqualTo("org_acme");
        assertThat(data.path("cohortId").asString()).isEqualTo("coh_1");
        assertThat(data.path("learnerId").asString()).isEqualTo("ada@example.org");
        assertThat(data.path("checklistId").asString()).isEqualTo("machine-learning");
        assertThat(data.path("checklistVersion").asInt()).isEqualTo(2);
        assertThat(data.path("levelId").asString()).isEqualTo("entry");
        assertThat(data.path("itemCount").asInt()).isEqualTo(25);
        assertThat(data.path("eventId").asString()).isEqualTo("evt-1");
    }

    @Test
    void aVersion1BodyHasExactlyTheVersion1FieldsAndNothingOfWhatVersion2Added() {
        var data = dataOf(WebhookMessage.of(milestone, version(V1), "ep_1"));

        assertThat(data.propertyNames()).containsExactlyInAnyOrder("organisationId", "cohortId", "learnerId",
                "checklistId", "checklistVersion", "levelId", "itemCount", "eventId");
    }

    @Test
    void aVersion2BodyCarriesTheSkippedItemsAndTheEvidence() {
        var message = WebhookMessage.of(milestone, version(V2), "ep_1");
        var data = dataOf(message);

        assertThat(message.eventType()).isEqualTo(V2);
        assertThat(JSON.readTree(message.body()).path("type").asString()).isEqualTo(V2);
        assertThat(data.path("levelId").asString()).isEqualTo("entry");
        assertThat(data.path("eventId").asString()).isEqualTo("evt-1");
        assertThat(data.path("skipped")).singleElement().satisfies(skipped -> {
            assertThat(skipped.path("itemId").asString()).isEqualTo("spark");
            assertThat(skipped.path("reason").asString()).isEqualTo("Our track uses pandas only");
        });
        assertThat(data.path("evidence")).isEqualTo(JSON.readTree("""
                [{"itemId": "regression", "url": "https://github.com/ada/house-prices", "note": "Ridge regression"},
                 {"itemId": "trees", "url": null, "note": "Kaggle notebook"}]"""));
    }

    @Test
    void theExamplesInTheWebhookDocsAreWhatIsSentAndHowItIsSigned() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "webhooks.md"));
        var documented = new EventEnvelope<>("5c0e8f2a-6f4b-5d7e-9a1c-3b2d4e6f8a0b", "/ticklist/progress-service",
                Instant.parse("2026-11-23T10:15:30.044Z"),
                new LevelCompleted("org_acme", "coh_1", "ada", "machine-learning", 1, "entry", 25,
                        List.of(new SkippedItem("audio-data", "Our track has no audio")),
                        List.of(new ItemEvidence("regression", "https://github.com/ada/house-prices",
                                "Linear and ridge regression"))));
        var secret = new SigningSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        for (String type : List.of(V1, V2)) {
            var message = WebhookMessage.of(documented,
                    WebhookTypes.MILESTONES.versionFor(Set.of(type), documented.event()).orElseThrow(),
                    "ep_3f9c2a7d1b4e8f60");
            String signature = WebhookSignature.sign(secret, message.id(), 1795428931,
                    message.body().getBytes(StandardCharsets.UTF_8));
            assertThat(docs).as(type).contains(message.id(), message.body(), signature);
        }
    }

    private static JsonNode dataOf(WebhookMessage message) {
        return JSON.readTree(message.body()).path("data");
    }

    private WebhookVersion version(String name) {
        return WebhookTypes.MILESTONES.versionFor(Set.of(name), milestone.event()).orElseThrow();
    }
}
