package dev.ticklist.notification.message;

import dev.ticklist.events.webhook.WebhookMessageRetryRequested;
import dev.ticklist.notification.WebhookEventLog;
import dev.ticklist.notification.endpoint.EndpointAccess;
import dev.ticklist.notification.endpoint.WebhookEndpoint;
import dev.ticklist.platform.identity.Tenant;
import dev.ticklist.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An endpoint's delivery log: its messages and their attempts; a retry by hand; a test message. */
@Tag(name = "Webhook messages", description = "What was sent to an endpoint, and each attempt")
@RestController
@RequestMapping("/api/v1/webhooks/endpoints/{endpointId}/messages")
class MessageController {

    private static final int MAX_LIMIT = 500;

    private final EndpointAccess access;
    private final WebhookMessages messages;
    private final WebhookEventLog log;
    private final Clock clock;

    MessageController(EndpointAccess access, WebhookMessages messages, WebhookEventLog log, Clock clock) {
        this.access = access;
        this.messages = messages;
        this.log = log;
        this.clock = clock;
    }

    /** Newest first; {@code status} is pending, delivered or failed. */
    @Operation(operationId = "listWebhookMessages", summary = "List the messages sent to an endpoint")
    @GetMapping
    MessageList list(Tenant tenant, @PathVariable String endpointId,
                     @RequestParam(required = false) String status,
                     @RequestParam(defaultValue = "50") int limit) {
        WebhookEndpoint endpoint = access.endpoint(tenant, endpointId);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problems.invalid("invalid-limit", "limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        return new MessageList(messages.of(endpoint.organisationId(), endpoint.id(), statusOf(status), limit));
    }

    @Operation(operationId = "getWebhookMessage", summary = "Get a message and its delivery attempts")
    @GetMapping("/{messageId}")
    MessageView get(Tenant tenant, @PathVariable String endpointId, @PathVariable String messageId) {
        WebhookEndpoint endpoint = access.endpoint(tenant, endpointId);
        return message(endpoint, messageId);
    }

    /** A failed message is attempted once more, now (and again on failure, while the schedule has room). */
    @Operation(operationId = "retryWebhookMessage", summary = "Send a failed message again")
    @PostMapping("/{messageId}/retry")
    ResponseEntity<MessageView> retry(Tenant tenant, @PathVariable String endpointId, @PathVariable String messageId) {
        WebhookEndpoint endpoint = access.endpoint(tenant, endpointId);
        MessageView message = message(endpoint, messageId);
        requireEnabled(endpoint);
        if (!MessageStatus.FAILED.label().equals(message.status())) {
            throw Problems.conflict("message-not-failed", "only a failed message can be retried by hand; "
                    + messageId + " is " + message.status());
        }
        log.record(new WebhookMessageRetryRequested(endpoint.organisationId(), endpoint.id(), messageId));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(message(endpoint, messageId));
    }

    /** Queues a test message of type {@value WebhookMessage#TEST_TYPE}, delivered like any other. */
    @Operation(operationId = "sendTestWebhookMessage", summary = "Send a test message to an endpoint")
    @PostMapping("/test")
    ResponseEntity<MessageView> sendTest(Tenant tenant, @PathVariable String endpointId) {
        WebhookEndpoint endpoint = access.endpoint(tenant, endpointId);
        requireEnabled(endpoint);
        WebhookMessage test = WebhookMessage.test(endpoint.organisationId(), endpoint.id(), clock.instant());
        log.record(test.queuedFor(endpoint.organisationId(), endpoint.id()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(message(endpoint, test.id()));
    }

    /** Nothing is attempted towards a disabled endpoint: say so, rather than accept what will wait. */
    private static void requireEnabled(WebhookEndpoint endpoint) {
        if (!endpoint.enabled()) {
            throw Problems.conflict("endpoint-disabled", "endpoint " + endpoint.id() + " is disabled ("
                    + endpoint.disabled().reason() + "); enable it with PATCH {\"enabled\": true} first");
        }
    }

    private MessageView message(WebhookEndpoint endpoint, String messageId) {
        return messages.find(endpoint.organisationId(), endpoint.id(), messageId)
                .orElseThrow(() -> Problems.notFound("endpoint " + endpoint.id() + " has no message " + messageId));
    }

    private static Optional<MessageStatus> statusOf(String status) {
        if (status == null || status.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MessageStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("invalid-status", "status must be pending, delivered or failed, not " + status);
        }
    }
}
