package dev.ticklist.checklist.tick;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.checklist.ServiceIT;
import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.Topics;
import dev.ticklist.events.activity.LearnerActivityEvent;
import dev.ticklist.testsupport.http.JsonHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

class IdempotencyIT extends ServiceIT {

    @Autowired
    private StringRedisTemplate redis;

    @Test
    void aRetriedTickWithTheSameKeyGetsTheFirstAnswerAndRecordsNothingNew() {
        String cohortId = cohortWith("ada");
        String path = "/api/v1/cohorts/" + cohortId + "/learners/ada/ticks";
        var keyed = writer.withHeader("Idempotency-Key", UUID.randomUUID().toString());

        var first = keyed.post(path, Map.of("itemIds", List.of("regression")));
        List<String> recordedAfterFirst = recordedForAda();
        var retry = keyed.post(path, Map.of("itemIds", List.of("regression")));

        assertThat(first.status()).isEqualTo(201);
        assertThat(recordedAfterFirst).as("ada's events after the first tick")
                .endsWith(eventIds(first).toArray(String[]::new));
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("eventIds")).isEqualTo(first.json().get("eventIds"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(recordedForAda()).as("ada's events after the retry: nothing new").isEqualTo(recordedAfterFirst);

        // The same request without the key is a new command: recorded, and seen by the check above.
        var unkeyed = writer.post(path, Map.of("itemIds", List.of("regression")));
        assertThat(unkeyed.json().get("eventIds")).isNotEqualTo(first.json().get("eventIds"));
        var expected = new ArrayList<>(recordedAfterFirst);
        expected.addAll(eventIds(unkeyed));
        assertThat(recordedForAda()).as("ada's events after the same tick without the key").isEqualTo(expected);
    }

    /** The ids of every event on ada's key of learner activity (what her ticks record), in log order. */
    private List<String> recordedForAda() {
        return recordedUnder(Topics.LEARNER_ACTIVITY, LearnerActivityEvent.learnerKey(organisationId, "ada")).stream()
                .map(EventEnvelope::id).toList();
    }

    private static List<String> eventIds(JsonHttp.Response receipt) {
        var ids = new ArrayList<String>();
        receipt.json().get("eventIds").forEach(id -> ids.add(id.asString()));
        return ids;
    }

    /**
     * Redis holds only the remembered answers: after a wipe a retry runs again (a tick repeated
     * changes no progress) and everything decided before it is still there, read from Kafka.
     */
    @Test
    void aRedisWipeForgetsRememberedAnswersAndNothingElse() {
        String cohortId = cohortWith("ada", "grace");
        String path = "/api/v1/cohorts/" + cohortId + "/learners/ada/ticks";
        var keyed = writer.withHeader("Idempotency-Key", UUID.randomUUID().toString());
        var first = keyed.post(path, Map.of("itemIds", List.of("regression")));
        assertThat(first.status()).isEqualTo(201);

        redis.execute((RedisCallback<Void>) connection -> {
            connection.serverCommands().flushAll();
            return null;
        });

        var afterWipe = keyed.post(path, Map.of("itemIds", List.of("regression")));
        assertThat(afterWipe.status()).as(afterWipe.toString()).isEqualTo(201);
        assertThat(afterWipe.header("Idempotent-Replayed")).isNull();
        assertThat(afterWipe.json().get("eventIds")).isNotEqualTo(first.json().get("eventIds"));
        assertThat(keyed.post(path, Map.of("itemIds", List.of("regression"))).header("Idempotent-Replayed"))
                .isEqualTo("true");
        var learners = writer.get("/api/v1/cohorts/" + cohortId + "/learners");
        assertThat(learners.status()).isEqualTo(200);
        assertThat(learners.body()).contains("\"ada\"", "\"grace\"");
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() {
        String cohortId = cohortWith("ada");
        String path = "/api/v1/cohorts/" + cohortId + "/learners/ada/ticks";
        var keyed = writer.withHeader("Idempotency-Key", "key-" + UUID.randomUUID());
        keyed.post(path, Map.of("itemIds", List.of("regression")));

        assertProblem(keyed.post(path, Map.of("itemIds", List.of("clustering"))), 422);
        assertProblem(writer.withHeader("Idempotency-Key", "bad key with spaces").post(path,
                Map.of("itemIds", List.of("clustering"))), 400);
    }

    @Test
    void aMistakeIsRememberedToo() {
        String cohortId = cohortWith("ada");
        var keyed = writer.withHeader("Idempotency-Key", UUID.randomUUID().toString());
        String path = "/api/v1/cohorts/" + cohortId + "/learners/ada/ticks";
        assertProblem(keyed.post(path, Map.of("itemIds", List.of("juggling"))), 404);
        assertProblem(keyed.post(path, Map.of("itemIds", List.of("juggling"))), 404);
    }
}
