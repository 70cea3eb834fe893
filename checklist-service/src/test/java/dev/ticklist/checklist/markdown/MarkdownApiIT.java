package dev.ticklist.checklist.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.checklist.ServiceIT;
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
}
