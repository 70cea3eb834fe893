package dev.ticklist.checklist.tick;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.checklist.ServiceIT;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdempotencyIT extends ServiceIT {

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
