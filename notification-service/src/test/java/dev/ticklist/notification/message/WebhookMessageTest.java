package dev.ticklist.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.milestone.LevelCompleted;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class WebhookMessageTest {

    private final EventEnvelope<LevelCompleted> milestone = new EventEnvelope<>("evt-1", "/ticklist/progress-service",
            Instant.parse("2026-11-23T10:15:30Z"),
            new LevelCompleted("org_acme", "coh_1", "ada@example.org", "machine-learning", 2, "entry", 25));

    @Test
    void theIdIsStableAndDerivedFromTheMilestoneAndTheEndpoint() throws Exception {
        String expected = "msg_" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("evt-1:ep_1".getBytes(StandardCharsets.UTF_8))).substring(0, 32);

        assertThat(WebhookMessage.of(milestone, "ep_1").id()).isEqualTo(expected).matches("msg_[0-9a-f]{32}");
        assertThat(WebhookMessage.of(milestone, "ep_1")).isEqualTo(WebhookMessage.of(milestone, "ep_1"));
        assertThat(WebhookMessage.of(milestone, "ep_2").id()).isNotEqualTo(expected);
    }

    @Test
    void theBodyCarriesTypeTimestampAndTheEventsFieldsWithItsId() {
        var body = JsonMapper.builder().build().readTree(WebhookMessage.of(milestone, "ep_1").body());

        assertThat(body.path("type").asString()).isEqualTo("dev.ticklist.level.completed.v1");
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
}
