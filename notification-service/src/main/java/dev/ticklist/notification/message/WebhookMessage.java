package dev.ticklist.notification.message;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.kafka.EventJson;
import dev.ticklist.events.milestone.MilestoneEvent;
import dev.ticklist.events.webhook.WebhookMessageQueued;
import dev.ticklist.platform.kafka.EventPublisher.Identified;
import dev.ticklist.events.webhook.WebhookEvent;
import dev.ticklist.notification.webhooktype.WebhookVersion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One message for one endpoint: what every attempt sends. For a milestone, both the id and the
 * body follow from the milestone, the endpoint and the version it subscribed to, so a
 * redelivered milestone makes the same message.
 *
 * @param id        the {@code webhook-id}: {@code msg_} and the first 32 hex digits of
 *                  SHA-256(milestone event id + ":" + endpoint id). Not of the version: an
 *                  endpoint gets one version of a milestone, and one that changes the versions it
 *                  subscribes to is not sent a milestone again that it was already sent
 * @param eventType the type the body announces: the version the endpoint gets
 * @param body      {@code {"type", "timestamp", "data"}} as the Standard Webhooks specification suggests
 */
record WebhookMessage(String id, String eventType, String milestoneEventId, String body) {

    /** The type of the message an organisation sends itself to try an endpoint. */
    static final String TEST_TYPE = "dev.ticklist.webhook.test.v1";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() {
    };

    static WebhookMessage of(EventEnvelope<? extends MilestoneEvent> milestone, WebhookVersion version,
                             String endpointId) {
        return new WebhookMessage(idFor(milestone.id(), endpointId), version.name(), milestone.id(),
                bodyOf(milestone, version));
    }

    /** A test message: a fresh id each time, since every test is a new message. */
    static WebhookMessage test(String organisationId, String endpointId, Instant now) {
        var data = new LinkedHashMap<String, Object>();
        data.put("organisationId", organisationId);
        data.put("endpointId", endpointId);
        data.put("message", "A test message from Ticklist: this endpoint receives and can verify webhooks.");
        return new WebhookMessage(idFor(UUID.randomUUID().toString(), endpointId), TEST_TYPE, null,
                envelope(TEST_TYPE, now, data));
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

    /** The event that queues this message; its id follows from the message id, as re-publishing needs. */
    Identified<WebhookEvent> queuedFor(String organisationId, String endpointId) {
        var eventId = UUID.nameUUIDFromBytes(("webhook-message:" + id).getBytes(StandardCharsets.UTF_8));
        return new Identified<>(eventId.toString(),
                new WebhookMessageQueued(organisationId, endpointId, id, eventType, milestoneEventId, body));
    }

    /** The event's fields exactly as the JSON Schema of the version describes them, plus its id. */
    private static String bodyOf(EventEnvelope<? extends MilestoneEvent> milestone, WebhookVersion version) {
        Map<String, Object> data = JSON.readValue(EventJson.write(version.dataOf(milestone.event())), FIELDS);
        data.put("eventId", milestone.id());
        return envelope(version.name(), milestone.time(), data);
    }

    private static String envelope(String type, Instant timestamp, Map<String, Object> data) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", type);
        body.put("timestamp", timestamp.toString());
        body.put("data", data);
        return JSON.writeValueAsString(body);
    }
}
