package dev.ticklist.checklist.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.checklist.ServiceIT;
import dev.ticklist.platform.identity.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CustomChecklistIT extends ServiceIT {

    @Test
    void aCopyOfATemplateIsEditedAndPublishedAsImmutableVersionsWithStableItemIds() {
        var draft = writer.post("/api/v1/checklists", Map.of("title", "Our ML path", "copyOf", "machine-learning"));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        String id = draft.json().get("id").asString();
        assertThat(draft.json().get("basedOn").asString()).isEqualTo("machine-learning@1");
        assertThat(draft.json().get("draft").asBoolean()).isTrue();
        String base = "/api/v1/checklists/" + id;

        var renamed = writer.patch(base + "/draft/items/regression", Map.of("name", "Linear regression", "position", 0));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        var added = writer.post(base + "/draft/categories/entry-machine-learning/items",
                Map.of("name", "Decision trees", "description", "Split data by questions."));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(itemIds(added.json(), "entry-machine-learning"))
                .containsExactly("regression", "clustering", "support-vector-machines", "decision-trees");
        assertThat(writer.delete(base + "/draft/items/clustering").status()).isEqualTo(200);

        var v1 = writer.post(base + "/versions", Map.of());
        assertThat(v1.status()).as(v1.toString()).isEqualTo(201);
        assertThat(v1.json().get("version").asInt()).isEqualTo(1);

        writer.patch(base + "/draft/items/decision-trees", Map.of("categoryId", "entry-theory"));
        writer.post(base + "/draft/levels", Map.of("name", "Expert"));
        var v2 = writer.post(base + "/versions", Map.of()).json();
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(v2.get("levels").valueStream().map(level -> level.get("id").asString()))
                .containsExactly("entry", "intermediate", "advanced", "expert");
        assertThat(itemIds(v2, "entry-theory")).endsWith("decision-trees");

        var stillV1 = writer.get(base + "/versions/1").json();
        assertThat(itemIds(stillV1, "entry-machine-learning"))
                .containsExactly("regression", "support-vector-machines", "decision-trees");
        assertThat(writer.get(base + "/versions").json().valueStream().map(v -> v.get("version").asInt()))
                .containsExactly(1, 2);
        assertThat(writer.get("/api/v1/checklists").json().valueStream().map(c -> c.get("id").asString()))
                .contains(id, "machine-learning", "data-science");
    }

    @Test
    void aChecklistFromScratchIsReplacedWholeAndNamesBecomeIds() {
        String id = writer.post("/api/v1/checklists", Map.of("title", "Cooking")).json().get("id").asString();
        var replaced = writer.put("/api/v1/checklists/" + id + "/draft", Map.of("title", "Cooking basics",
                "levels", List.of(Map.of("name", "Entry", "categories", List.of(Map.of("name", "Knife skills",
                        "items", List.of(Map.of("name", "Dice an onion"), Map.of("name", "Julienne"),
                                Map.of("id", "dice-an-onion-2", "name", "Dice a shallot"))))))));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(itemIds(replaced.json(), "knife-skills")).containsExactly("dice-an-onion", "julienne", "dice-an-onion-2");
        assertThat(replaced.json().get("levels").get(0).get("id").asString()).isEqualTo("entry");
    }

    @Test
    void levelsAndCategoriesAreRenamedReorderedMovedAndRemoved() {
        String id = writer.post("/api/v1/checklists", Map.of("title", "Ours", "copyOf", "data-science"))
                .json().get("id").asString();
        String draft = "/api/v1/checklists/" + id + "/draft";

        writer.patch(draft + "/levels/advanced", Map.of("name", "Expert", "position", 0));
        writer.patch(draft + "/categories/entry-networks", Map.of("name", "Neural networks", "levelId", "advanced",
                "position", 0));
        writer.post(draft + "/levels/intermediate/categories", Map.of("name", "Ethics", "position", 0));
        writer.delete(draft + "/categories/intermediate-custom-projects");
        var result = writer.delete(draft + "/levels/entry").json();

        assertThat(result.get("levels").valueStream().map(level -> level.get("id").asString() + ":"
                + level.get("name").asString())).containsExactly("advanced:Expert", "intermediate:Intermediate");
        var expert = result.get("levels").get(0).get("categories");
        assertThat(expert.get(0).get("id").asString()).isEqualTo("entry-networks");
        assertThat(expert.get(0).get("name").asString()).isEqualTo("Neural networks");
        var intermediate = result.get("levels").get(1).get("categories");
        assertThat(intermediate.get(0).get("id").asString()).isEqualTo("ethics");
        assertThat(intermediate.valueStream().map(category -> category.get("id").asString()))
                .doesNotContain("intermediate-custom-projects");
        assertProblem(writer.patch(draft + "/categories/entry-networks", Map.of("levelId", "entry")), 404);
    }

    @Test
    void publishedVersionsAndTemplatesDoNotChangeAndMistakesAreProblems() {
        String id = writer.post("/api/v1/checklists", Map.of("title", "Empty")).json().get("id").asString();
        String base = "/api/v1/checklists/" + id;
        assertProblem(writer.post(base + "/versions", Map.of()), 409);
        writer.post(base + "/draft/levels/entry/categories", Map.of("name", "Basics"));
        writer.post(base + "/draft/categories/basics/items", Map.of("name", "First step"));
        assertThat(writer.post(base + "/versions", Map.of()).status()).isEqualTo(201);

        assertProblem(writer.post(base + "/versions", Map.of()), 409);
        assertProblem(writer.put(base + "/versions/1", Map.of("title", "x")), 409);
        assertProblem(writer.put("/api/v1/checklists/machine-learning/draft", Map.of("title", "x", "levels", List.of())), 409);
        assertProblem(writer.post(base + "/draft/categories/basics/items", Map.of("id", "first-step", "name", "Again")), 409);
        assertProblem(writer.post(base + "/draft/categories/basics/items", Map.of("id", "Not A Slug", "name", "x")), 400);
        assertProblem(writer.post(base + "/draft/categories/nope/items", Map.of("name", "x")), 404);
        assertProblem(writer.patch(base + "/draft/items/first-step", Map.of("position", 7)), 400);
        assertProblem(writer.get(base + "/versions/9"), 404);
        assertProblem(writer.post("/api/v1/checklists", Map.of("title", "x", "copyOf", "no-such-checklist")), 404);

        var intruder = as(newOrganisation(), Scope.WRITE);
        assertProblem(intruder.get(base), 404);
        assertProblem(intruder.get(base + "/draft"), 404);
        assertProblem(intruder.post(base + "/versions", Map.of()), 404);
        assertThat(intruder.get("/api/v1/checklists").json().valueStream().map(c -> c.get("id").asString()))
                .doesNotContain(id);
    }

    private static List<String> itemIds(JsonNode checklist, String categoryId) {
        var ids = new ArrayList<String>();
        for (JsonNode level : checklist.get("levels")) {
            for (JsonNode category : level.get("categories")) {
                if (category.get("id").asString().equals(categoryId)) {
                    category.get("items").forEach(item -> ids.add(item.get("id").asString()));
                }
            }
        }
        return ids;
    }
}
