package dev.ticklist.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.Superseded;
import dev.ticklist.events.webhook.WebhookDeliveryAttempted;
import dev.ticklist.events.webhook.WebhookDeliveryAttemptedV2;
import dev.ticklist.events.webhook.WebhookEndpointDeleted;
import dev.ticklist.events.webhook.WebhookEvent;
import dev.ticklist.events.webhook.WebhookMessageQueued;
import dev.ticklist.events.webhook.WebhookMessageRetryRequested;
import dev.ticklist.notification.WebhookProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Given webhook events, the delivery log and the schedule of what is due. */
class WebhookMessagesTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration FIRST_WAIT = Duration.ofSeconds(2);
    private final WebhookMessages messages = new WebhookMessages(properties());
    private int sequence;

    @Test
    void aQueuedMessageIsPendingAndDueAfterTheFirstWait() {
        apply(T0, queued("org_a", "ep_1", "msg_1"));

        var view = messages.find("org_a", "ep_1", "msg_1").orElseThrow();
        assertThat(view.status()).isEqualTo("pending");
        assertThat(view.createdAt()).isEqualTo(T0);
        assertThat(view.nextAttemptAt()).isEqualTo(T0.plus(FIRST_WAIT));
        assertThat(messages.isKnown("org_a", "msg_1")).isTrue();
        assertThat(messages.dueAt(T0.plus(FIRST_WAIT).minusMillis(1), 10, due -> true, due -> Integer.MAX_VALUE)).isEmpty();
        assertThat(messages.dueAt(T0.plus(FIRST_WAIT), 10, due -> true, due -> Integer.MAX_VALUE)).singleElement().satisfies(due -> {
            assertThat(due.attempt()).isEqualTo(1);
            assertThat(due.dueAt()).isEqualTo(T0.plus(FIRST_WAIT));
            assertThat(due.createdAt()).isEqualTo(T0);
            assertThat(due.payload()).isEqualTo("{\"id\":\"msg_1\"}");
            assertThat(due.key()).isEqualTo("org_a/ep_1/msg_1");
        });
    }

    @Test
    void aBacklogThatCannotBeAttemptedDoesNotCrowdOutOtherEndpoints() {
        for (int i = 0; i < 20; i++) {
            apply(T0, queued("org_a", "ep_disabled", "msg_d" + i));
        }
        apply(T0.plusSeconds(1), queued("org_b", "ep_ok", "msg_ok"));

        var due = messages.dueAt(T0.plusSeconds(10), 5, message -> !message.endpointId().equals("ep_disabled"),
                message -> Integer.MAX_VALUE);

        assertThat(due).extracting(DueMessage::messageId).containsExactly("msg_ok");
    }

    @Test
    void oneEndpointsBacklogTakesOnlyItsRoomAndLeavesTheRestForOthers() {
        for (int i = 0; i < 50; i++) {
            apply(T0.plusMillis(i), queued("org_a", "ep_busy", "msg_b" + i));
        }
        apply(T0.plusSeconds(1), queued("org_b", "ep_quiet", "msg_q"));

        var due = messages.dueAt(T0.plusSeconds(10), 10, message -> true, message -> 4);

        assertThat(due).extracting(DueMessage::messageId)
                .containsExactly("msg_b0", "msg_b1", "msg_b2", "msg_b3", "msg_q");
    }

    @Test
    void queuingTheSameMessageTwiceKeepsOneAndDoesNotResetIt() {
        apply(T0, queued("org_a", "ep_1", "msg_1"));
        apply(T0.plusSeconds(10), failed("org_a", "ep_1", "msg_1", 1, T0.plusSeconds(60)));

        apply(T0.plusSeconds(20), queued("org_a", "ep_1", "msg_1"));

        assertThat(messages.of("org_a", "ep_1", Optional.empty(), 10)).singleElement().satisfies(view -> {
            assertThat(view.createdAt()).isEqualTo(T0);
            assertThat(view.nextAttemptAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(view.attempts()).hasSize(1);
        });
        assertThat(messages.pending()).singleElement().extracting(DueMessage::attempt).isEqualTo(2);
    }

    @Test
    void aFailedAttemptWithANextAttemptKeepsItPendingUntilThen() {
        apply(T0, queued("org_a", "ep_1", "msg_1"));
        Instant next = T0.plusSeconds(65);
        apply(T0.plusSeconds(5), failed("org_a", "ep_1", "msg_1", 1, next));

        var view = messages.find("org_a", "ep_1", "msg_1").orElseThrow();
        assertThat(view.status()).isEqualTo("pending");
        assertThat(view.nextAttemptAt()).isEqualTo(next);
        assertThat(view.attempts()).singleElement().satisfies(attempt -> {
            assertThat(attempt.attempt()).isEqualTo(1);
            assertThat(attempt.attemptedAt()).isEqualTo(T0.plusSeconds(5));
            assertThat(attempt.outcome()).isEqualTo("rejected");
            assertThat(attempt.statusCode()).isEqualTo(500);
            assertThat(attempt.responseExcerpt()).isEqualTo("oops");
        });
        assertThat(messages.dueAt(next.minusMillis(1), 10, due -> true, due -> Integer.MAX_VALUE)).isEmpty();
        assertThat(messages.dueAt(next, 10, due -> true, due -> Integer.MAX_VALUE)).singleElement().satisfies(due -> {
            assertThat(due.attempt()).isEqualTo(2);
            assertThat(due.dueAt()).isEqualTo(next);
        });
    }

    @Test
    void aDeliveredAttemptMakesItDeliveredAndNoLongerDue() {
        apply(T0, queued("org_a", "ep_1", "msg_1"));
        apply(T0.plusSeconds(5), delivered("org_a", "ep_1", "msg_1", 1));

        var view = messages.find("org_a", "ep_1", "msg_1").orElseThrow();
        assertThat(view.status()).isEqualTo("delivered");
        assertThat(view.nextAttemptAt()).isNull();
        assertThat(messages.dueAt(T0.plus(Duration.ofDays(1)), 10, due -> true, due -> Integer.MAX_VALUE)).isEmpty();
        assertThat(messages.pending()).isEmpty();
    }

    @Test
    void aFailedAttemptWithoutANextAttemptMakesItFailed() {
        apply(T0, queued("org_a", "ep_1", "msg_1"));
        apply(T0.plusSeconds(5), failed("org_a", "ep_1", "msg_1", 1, null));

        var view = messages.find("org_a", "ep_1", "msg_1").orElseThrow();
        assertThat(view.status()).isEqualTo("failed");
        assertThat(view.nextAttemptAt()).isNull();
        assertThat(messages.pending()).isEmpty();
    }

    @Test
    void anAttemptRecordedAgainIsIgnored() {
        apply(T0, queued("org_a", "ep_1", "msg_1"));
        apply(T0.plusSeconds(5), failed("org_a", "ep_1", "msg_1", 1, T0.plusSeconds(60)));

        apply(T0.plusSeconds(6), delivered("org_a", "ep_1", "msg_1", 1));

        var view = messages.find("org_a", "ep_1", "msg_1").orElseThrow();
        assertThat(view.status()).isEqualTo("pending");
        assertThat(view.attempts()).extracting(AttemptView::outcome).containsExactly("rejected");
        assertThat(messages.pending()).singleElement().extracting(DueMessage::attempt).isEqualTo(2);
    }

    @Test
    void aVersion1AttemptMakesItsMessageKnownSoTheMilestoneIsNotQueuedAgain() {
        var legacy = new WebhookDeliveryAttempted("org_a", "ep_1", "msg_old", "evt_1", 1, 204, true, 8);

        apply(T0, (WebhookEvent) Superseded.current(legacy));

        assertThat(messages.isKnown("org_a", "msg_old")).isTrue();
        assertThat(messages.isKnown("org_b", "msg_old")).isFalse();
        assertThat(messages.find("org_a", "ep_1", "msg_old")).isEmpty();
        assertThat(messages.pending()).isEmpty();
    }

    @Test
    void aRetryRequestRevivesAFailedMessageOnly() {
        apply(T0, queued("org_a", "ep_1", "msg_failed"));
        apply(T0, queued("org_a", "ep_1", "msg_delivered"));
        apply(T0, queued("org_a", "ep_1", "msg_pending"));
        apply(T0.plusSeconds(1), failed("org_a", "ep_1", "msg_failed", 1, T0.plusSeconds(2)));
        apply(T0.plusSeconds(2), failed("org_a", "ep_1", "msg_failed", 2, null));
        apply(T0.plusSeconds(3), delivered("org_a", "ep_1", "msg_delivered", 1));
        apply(T0.plusSeconds(4), failed("org_a", "ep_1", "msg_pending", 1, T0.plusSeconds(3_600)));

        Instant requested = T0.plusSeconds(100);
        apply(requested, retry("org_a", "ep_1", "msg_failed"));
        apply(requested, retry("org_a", "ep_1", "msg_delivered"));
        apply(requested, retry("org_a", "ep_1", "msg_pending"));

        var revived = messages.find("org_a", "ep_1", "msg_failed").orElseThrow();
        assertThat(revived.status()).isEqualTo("pending");
        assertThat(revived.nextAttemptAt()).isEqualTo(requested);
        assertThat(messages.find("org_a", "ep_1", "msg_delivered").orElseThrow().status()).isEqualTo("delivered");
        assertThat(messages.find("org_a", "ep_1", "msg_pending").orElseThrow().nextAttemptAt())
                .isEqualTo(T0.plusSeconds(3_600));
        assertThat(messages.dueAt(requested, 10, due -> true, due -> Integer.MAX_VALUE)).singleElement().satisfies(due -> {
            assertThat(due.messageId()).isEqualTo("msg_failed");
            assertThat(due.attempt()).isEqualTo(3);
            assertThat(due.dueAt()).isEqualTo(requested);
        });
    }

    @Test
    void deletingAnEndpointDropsItsMessagesAndIgnoresLaterOnes() {
        apply(T0, queued("org_a", "ep_1", "msg_1"));
        apply(T0, queued("org_a", "ep_2", "msg_2"));

        apply(T0.plusSeconds(1), new WebhookEndpointDeleted("org_a", "ep_1"));
        apply(T0.plusSeconds(2), queued("org_a", "ep_1", "msg_3"));

        assertThat(messages.of("org_a", "ep_1", Optional.empty(), 10)).isEmpty();
        assertThat(messages.find("org_a", "ep_1", "msg_1")).isEmpty();
        assertThat(messages.isKnown("org_a", "msg_3")).isFalse();
        assertThat(messages.pending()).extracting(DueMessage::messageId).containsExactly("msg_2");
    }

    @Test
    void theLogListsNewestFirstAndFiltersByStatusAndLimit() {
        apply(T0, queued("org_a", "ep_1", "msg_1"));
        apply(T0.plusSeconds(1), queued("org_a", "ep_1", "msg_2"));
        apply(T0.plusSeconds(2), queued("org_a", "ep_1", "msg_3"));
        apply(T0.plusSeconds(3), queued("org_a", "ep_1", "msg_4"));
        apply(T0.plusSeconds(4), delivered("org_a", "ep_1", "msg_1", 1));
        apply(T0.plusSeconds(5), delivered("org_a", "ep_1", "msg_3", 1));

        assertThat(messages.of("org_a", "ep_1", Optional.empty(), 10)).extracting(MessageView::id)
                .containsExactly("msg_4", "msg_3", "msg_2", "msg_1");
        assertThat(messages.of("org_a", "ep_1", Optional.of(MessageStatus.DELIVERED), 10))
                .extracting(MessageView::id).containsExactly("msg_3", "msg_1");
        assertThat(messages.of("org_a", "ep_1", Optional.of(MessageStatus.PENDING), 1))
                .extracting(MessageView::id).containsExactly("msg_4");
        assertThat(messages.of("org_a", "ep_1", Optional.of(MessageStatus.FAILED), 10)).isEmpty();
        assertThat(messages.of("org_a", "ep_unknown", Optional.empty(), 10)).isEmpty();
    }

    @Test
    void dueMessagesComeLongestOverdueFirstAndFutureOnesWait() {
        apply(T0.plusSeconds(30), queued("org_a", "ep_1", "msg_late"));
        apply(T0, queued("org_b", "ep_9", "msg_oldest"));
        apply(T0.plusSeconds(10), queued("org_a", "ep_2", "msg_middle"));
        apply(T0.plusSeconds(500), queued("org_a", "ep_1", "msg_future"));

        Instant now = T0.plusSeconds(100);
        assertThat(messages.dueAt(now, 10, due -> true, due -> Integer.MAX_VALUE)).extracting(DueMessage::messageId)
                .containsExactly("msg_oldest", "msg_middle", "msg_late");
        assertThat(messages.dueAt(now, 2, due -> true, due -> Integer.MAX_VALUE)).extracting(DueMessage::messageId)
                .containsExactly("msg_oldest", "msg_middle");
        assertThat(messages.pending()).hasSize(4);
    }

    @Test
    void organisationsNeverSeeEachOthersMessages() {
        apply(T0, queued("org_a", "ep_1", "msg_1"));

        assertThat(messages.isKnown("org_b", "msg_1")).isFalse();
        assertThat(messages.find("org_b", "ep_1", "msg_1")).isEmpty();
        assertThat(messages.of("org_b", "ep_1", Optional.empty(), 10)).isEmpty();

        apply(T0, queued("org_b", "ep_1", "msg_1"));
        apply(T0.plusSeconds(1), delivered("org_b", "ep_1", "msg_1", 1));

        assertThat(messages.find("org_a", "ep_1", "msg_1").orElseThrow().status()).isEqualTo("pending");
        assertThat(messages.find("org_b", "ep_1", "msg_1").orElseThrow().status()).isEqualTo("delivered");
    }

    @Test
    void onlyTheNewestFinishedMessagesAreKeptWhilePendingOnesStay() {
        apply(T0, queued("org_a", "ep_1", "msg_pending"));
        int finished = WebhookMessages.FINISHED_KEPT + 3;
        for (int i = 1; i <= finished; i++) {
            apply(T0.plusSeconds(i), queued("org_a", "ep_1", "msg_" + i));
            apply(T0.plusSeconds(i), delivered("org_a", "ep_1", "msg_" + i, 1));
        }
        apply(T0.plusSeconds(finished + 1), queued("org_a", "ep_1", "msg_last"));

        var log = messages.of("org_a", "ep_1", Optional.empty(), Integer.MAX_VALUE);
        assertThat(log.stream().filter(view -> view.status().equals("delivered")))
                .hasSize(WebhookMessages.FINISHED_KEPT);
        assertThat(log).extracting(MessageView::id)
                .contains("msg_pending", "msg_last", "msg_4", "msg_" + finished)
                .doesNotContain("msg_1", "msg_2", "msg_3");
        assertThat(messages.isKnown("org_a", "msg_1")).isTrue(); // still queued once only
    }

    private static WebhookProperties properties() {
        return new WebhookProperties("q3yWm1hQ1c0mYy0eWf6Zb0w4l8xg0mS8c2uHk3VqJtI=", false, Duration.ofSeconds(10),
                List.of(FIRST_WAIT, Duration.ofSeconds(5), Duration.ofMinutes(5)), 0.2, Duration.ofHours(24),
                Duration.ofDays(5), 4, Duration.ofMillis(250));
    }

    private static WebhookMessageQueued queued(String organisationId, String endpointId, String messageId) {
        return new WebhookMessageQueued(organisationId, endpointId, messageId, "dev.ticklist.level.completed.v1",
                "evt_" + messageId, "{\"id\":\"" + messageId + "\"}");
    }

    private static WebhookDeliveryAttemptedV2 failed(String organisationId, String endpointId, String messageId,
                                                     int attempt, Instant nextAttemptAt) {
        return new WebhookDeliveryAttemptedV2(organisationId, endpointId, messageId, attempt, "rejected", 500, 12,
                "oops", nextAttemptAt);
    }

    private static WebhookDeliveryAttemptedV2 delivered(String organisationId, String endpointId, String messageId,
                                                        int attempt) {
        return new WebhookDeliveryAttemptedV2(organisationId, endpointId, messageId, attempt,
                WebhookDeliveryAttemptedV2.DELIVERED, 204, 8, null, null);
    }

    private static WebhookMessageRetryRequested retry(String organisationId, String endpointId, String messageId) {
        return new WebhookMessageRetryRequested(organisationId, endpointId, messageId);
    }

    private void apply(Instant at, WebhookEvent event) {
        sequence++;
        messages.apply(new EventEnvelope<>("evt-" + sequence, "/ticklist/notification-service", at, event));
    }
}
