package dev.ticklist.checklist.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.checklist.ServiceIT;
import dev.ticklist.events.activity.ItemActivity;
import dev.ticklist.events.activity.ItemSkipped;
import dev.ticklist.events.activity.ItemStarted;
import dev.ticklist.events.activity.ItemTicked;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownApiIT extends ServiceIT {

    @Test
    void aVersionIsExportedAsATaskListThatImportsBackAsADraft() {
        var exported = writer.get("/api/v1/checklists/machine-learning/versions/1/markdown");
        assertThat(exported.status()).as(exported.toString()).isEqualTo(200);
        assertThat(exported.contentType()).startsWith("text/markdown");
        assertThat(exported.body()).startsWith("# Machine Learning progress").contains("## Entry", "### Data handling",
                "- [ ] Regression");

        var imported = writer.postRaw("/api/v1/checklists/import", exported.body(), "text/markdown");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().get("counts").get("items").asInt()).isEqualTo(86);
        String draftId = imported.json().get("checklistId").asString();
        var draft = writer.get("/api/v1/checklists/" + draftId + "/draft").json();
        assertThat(draft.get("title").asString()).isEqualTo("Machine Learning progress");
        assertThat(draft.get("itemCount").asInt()).isEqualTo(86);
    }

    @Test
    void aLongListAPersonKeptImportsEveryTaskAndAListTooLargeForADraftSaysWhichLimitAndWhatToChange() {
        var imported = writer.postRaw("/api/v1/checklists/import", LongListImportTest.FILE, "text/markdown");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().get("counts").get("items").asInt()).isEqualTo(58);
        String draftId = imported.json().get("checklistId").asString();
        assertThat(writer.get("/api/v1/checklists/" + draftId + "/draft").json().get("itemCount").asInt())
                .isEqualTo(58);

        var sections = new StringBuilder("# Too many topics\n");
        for (int i = 1; i <= 201; i++) {
            sections.append("\n## Topic ").append(i).append("\n\n- [ ] Task of topic ").append(i).append('\n');
        }
        var tooLarge = writer.postRaw("/api/v1/checklists/import", sections.toString(), "text/markdown");
        assertProblem(tooLarge, 413);
        assertThat(tooLarge.json().get("detail").asString())
                .isEqualTo("this checklist has 201 categories, over the 200: merge some of them");
    }

    @Test
    void whatAFileHoldsBesidesTaskItemsIsReported() {
        String markdown = """
                # Cooking
                ## Entry
                - [ ] Boil an egg
                - Not a task
                ```
                - [ ] not an item either
                ```
                """;
        var imported = writer.postRaw("/api/v1/checklists/import?title=Kitchen", markdown, "text/markdown");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().get("counts").get("items").asInt()).isEqualTo(1);
        assertThat(imported.json().get("skipped").valueStream().map(line -> line.get("line").asInt()))
                .contains(4, 5);
        String draftId = imported.json().get("checklistId").asString();
        assertThat(writer.get("/api/v1/checklists/" + draftId + "/draft").json().get("title").asString())
                .isEqualTo("Kitchen");

        assertProblem(writer.postRaw("/api/v1/checklists/import", "just prose", "text/markdown"), 400);
    }

    @Test
    void aLearnersTickedListBecomesTicksAndUnknownLinesAreReported() {
        String cohortId = cohortWith("ada");
        String markdown = """
                ## Entry
                ### Machine learning
                - [x] Regression
                - [ ] Clustering
                - [x] Juggling
                """;
        var answer = writer.postRaw("/api/v1/cohorts/" + cohortId + "/learners/ada/ticks/markdown", markdown,
                "text/markdown");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().get("ticked").valueStream().map(item -> item.asString())).containsExactly("regression");
        assertThat(answer.json().get("position").asString()).matches("\\d+-\\d+");
        assertThat(answer.json().get("unmatched").get(0).get("line").asInt()).isEqualTo(5);

        assertProblem(writer.postRaw("/api/v1/cohorts/" + cohortId + "/learners/bob/ticks/markdown", markdown,
                "text/markdown"), 404);
    }

    @Test
    void aLearnersListWithStatesTicksStartsAndSkipsItemsInOneWriteAndLeavesPlainItemsAlone() {
        String cohortId = cohortWith("ada");
        String markdown = """
                ## Entry
                ### Machine learning
                - [x] Regression
                - [ ] Clustering *(in progress)*
                - [ ] ~~Support-vector machines~~ *(skipped: Covered by my degree)*
                ### Data handling
                - [ ] ~~Text data~~ *(skipped)*
                - [ ] Image data
                - [ ] Audio data *(skipped: cert \u202Efdp.exe)*
                """;
        var answer = writer.postRaw("/api/v1/cohorts/" + cohortId + "/learners/ada/ticks/markdown", markdown,
                "text/markdown");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().get("ticked").valueStream().map(item -> item.asString())).containsExactly("regression");
        assertThat(answer.json().get("started").valueStream().map(item -> item.asString())).containsExactly("clustering");
        assertThat(answer.json().get("skippedItems").valueStream()
                .map(item -> item.get("itemId").asString() + ": " + (item.get("reason").isNull() ? "no reason"
                        : item.get("reason").asString())))
                .containsExactly("support-vector-machines: Covered by my degree", "text-data: no reason");
        assertThat(answer.json().get("unmatched").get(0).get("line").asInt()).isEqualTo(9);
        assertThat(answer.json().get("unmatched").get(0).get("reason").asString()).startsWith("skip reason holds U+202E");

        assertThat(activityOf(cohortId, "ada", 4)).containsExactly(
                new ItemTicked(organisationId, cohortId, "ada", "machine-learning", 1, "regression"),
                new ItemStarted(organisationId, cohortId, "ada", "machine-learning", 1, "clustering"),
                new ItemSkipped(organisationId, cohortId, "ada", "machine-learning", 1, "support-vector-machines",
                        "Covered by my degree"),
                new ItemSkipped(organisationId, cohortId, "ada", "machine-learning", 1, "text-data", null));
    }

    /** The learner's item activity, once at least {@code expected} events are there and the topic is read to its end. */
    private List<ItemActivity> activityOf(String cohortId, String learnerId, int expected) {
        try (var consumer = learnerActivityFromStart()) {
            var found = new ArrayList<ItemActivity>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value().event() instanceof ItemActivity activity && activity.cohortId().equals(cohortId)
                            && activity.learnerId().equals(learnerId)) {
                        found.add(activity);
                    }
                }
                if (found.size() >= expected && consumer.assignment().stream().allMatch(partition ->
                        consumer.position(partition) >= consumer.endOffsets(List.of(partition)).get(partition))) {
                    return found;
                }
            }
            throw new AssertionError("expected " + expected + " events of " + learnerId + ", found " + found);
        }
    }
}
