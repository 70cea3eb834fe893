package dev.ticklist.notification.delivery;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.kafka.EventJson;
import dev.ticklist.events.milestone.MilestoneEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One milestone for one endpoint: what every attempt sends. Both the id and the body follow
 * from the milestone and the endpoint alone, so a redelivered milestone makes the same message.
 *
 * @param id   the {@code webhook-id}: {@code msg_} and the first 32 hex digits of
 *             SHA-256(milestone event id + ":" + endpoint id)
 * @param body {@code {"type", "timestamp", "data"}} as the Standard Webhooks specification suggests
 */
record WebhookMessage(String id, String milestoneEventId, String body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() {
    };

    static WebhookMessage of(EventEnvelope<? extends MilestoneEvent> milestone, String endpointId) {
        return new WebhookMessage(idFor(milestone.id(), endpointId), milestone.id(), bodyOf(milestone));
    }

    static String idFor(String milestoneEventId, String endpointId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((milestoneEventId + ":" + endpointId).getBytes(StandardCharsets.UTF_8));
            return "msg_" + HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The event's fields exactly as its JSON Schema describes them, plus its id. */
    private static String bodyOf(EventEnvelope<? extends MilestoneEvent> milestone) {
        Map<String, Object> data = JSON.readValue(EventJson.write(milestone.event()), FIELDS);
        data.put("eventId", milestone.id());
        var body = new LinkedHashMap<String, Object>();
        body.put("type", milestone.type());
        body.put("timestamp", milestone.time().toString());
        body.put("data", data);
        return JSON.writeValueAsString(body);
    }
}
