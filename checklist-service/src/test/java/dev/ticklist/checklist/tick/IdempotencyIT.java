package dev.ticklist.checklist.tick;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.checklist.ServiceIT;
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
        var retry = keyed.post(path, Map.of("itemIds", List.of("regression")));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("eventIds")).isEqualTo(first.json().get("eventIds"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();

        var unkeyed = writer.post(path, Map.of("itemIds", List.of("regression")));
        assertThat(unkeyed.json().get("eventIds")).isNotEqualTo(first.json().get("eventIds"));
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
