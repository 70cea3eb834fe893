package dev.ticklist.checklist.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.checklist.ServiceIT;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DirectoryIT extends ServiceIT {

    @Test
    void cohortsAreRenamedListedAndArchivedAndArchivedCohortsTakeNoChanges() {
        String cohortId = cohortWith("ada");
        var renamed = writer.patch("/api/v1/cohorts/" + cohortId, Map.of("name", "Autumn 2027"));
        assertThat(renamed.json().get("name").asString()).isEqualTo("Autumn 2027");
        assertThat(writer.get("/api/v1/cohorts").json().valueStream().map(c -> c.get("name").asString()))
                .containsExactly("Autumn 2027");

        assertThat(writer.post("/api/v1/cohorts/" + cohortId + "/archive", Map.of()).json().get("archived").asBoolean())
                .isTrue();
        assertProblem(writer.post("/api/v1/cohorts/" + cohortId + "/learners", Map.of("learnerIds", List.of("bob"))), 409);
        assertProblem(writer.post("/api/v1/cohorts/" + cohortId + "/learners/ada/ticks",
                Map.of("itemIds", List.of("regression"))), 409);
        assertProblem(writer.put("/api/v1/cohorts/" + cohortId + "/checklist", Map.of("checklistId", "data-science")), 409);
        assertProblem(writer.patch("/api/v1/cohorts/" + cohortId, Map.of("name", "x")), 409);
        assertThat(writer.get("/api/v1/cohorts/" + cohortId).json().get("learnerCount").asInt()).isEqualTo(1);
    }

    @Test
    void learnersAreWithdrawnOneOrManyAndWithdrawnLearnersCannotTick() {
        String cohortId = cohortWith("ada", "bob", "cy");
        assertThat(writer.delete("/api/v1/cohorts/" + cohortId + "/learners/ada").status()).isEqualTo(200);
        var many = writer.post("/api/v1/cohorts/" + cohortId + "/withdrawals", Map.of("learnerIds", List.of("bob", "zed")));
        assertThat(many.json().get("withdrawn").valueStream().map(node -> node.asString())).containsExactly("bob");
        assertThat(many.json().get("notEnrolled").asInt()).isEqualTo(1);
        assertThat(writer.get("/api/v1/cohorts/" + cohortId + "/learners").json().get("learnerIds")
                .valueStream().map(node -> node.asString())).containsExactly("cy");
        assertProblem(writer.post("/api/v1/cohorts/" + cohortId + "/learners/ada/ticks",
                Map.of("itemIds", List.of("regression"))), 404);
        assertProblem(writer.delete("/api/v1/cohorts/" + cohortId + "/learners/ada"), 404);
    }

    @Test
    void aCohortMovesToANewerVersionButNotBack() {
        String own = writer.post("/api/v1/checklists", Map.of("title", "Ours", "copyOf", "machine-learning"))
                .json().get("id").asString();
        writer.post("/api/v1/checklists/" + own + "/versions", Map.of());
        writer.patch("/api/v1/checklists/" + own + "/draft/items/regression", Map.of("name", "Regression basics"));
        writer.post("/api/v1/checklists/" + own + "/versions", Map.of());

        var cohort = writer.post("/api/v1/cohorts", Map.of("name", "C", "checklistId", own, "checklistVersion", 1)).json();
        String cohortId = cohort.get("id").asString();
        assertThat(cohort.get("checklistVersion").asInt()).isEqualTo(1);
        var moved = writer.put("/api/v1/cohorts/" + cohortId + "/checklist", Map.of("checklistId", own));
        assertThat(moved.json().get("checklistVersion").asInt()).isEqualTo(2);
        assertProblem(writer.put("/api/v1/cohorts/" + cohortId + "/checklist", Map.of("checklistId", own, "version", 1)), 409);
        assertProblem(writer.put("/api/v1/cohorts/" + cohortId + "/checklist", Map.of("checklistId", own, "version", 7)), 404);
    }

    @Test
    void batchesAndBodiesOverTheLimitsAre413AndChangeNothing() {
        String cohortId = cohortWith("ada");
        var tooMany = IntStream.range(0, 1001).mapToObj(i -> "learner-" + i).toList();
        assertProblem(writer.post("/api/v1/cohorts/" + cohortId + "/learners", Map.of("learnerIds", tooMany)), 413);
        assertThat(writer.get("/api/v1/cohorts/" + cohortId).json().get("learnerCount").asInt()).isEqualTo(1);

        var tooManyItems = IntStream.range(0, 501).mapToObj(i -> "item-" + i).toList();
        assertProblem(writer.post("/api/v1/cohorts/" + cohortId + "/learners/ada/ticks",
                Map.of("itemIds", tooManyItems)), 413);
        assertProblem(writer.postRaw("/api/v1/cohorts", "{\"name\":\"" + "x".repeat(1_100_000) + "\"}",
                "application/json"), 413);
    }

    @Test
    void aThousandLearnersAreEnrolledInOneRequest() {
        String cohortId = cohortWith();
        var thousand = IntStream.range(0, 1000).mapToObj(i -> "learner-" + i).toList();
        var enrolled = writer.post("/api/v1/cohorts/" + cohortId + "/learners", Map.of("learnerIds", thousand));
        assertThat(enrolled.json().get("enrolled")).hasSize(1000);
        assertThat(writer.get("/api/v1/cohorts/" + cohortId).json().get("learnerCount").asInt()).isEqualTo(1000);
    }
}
