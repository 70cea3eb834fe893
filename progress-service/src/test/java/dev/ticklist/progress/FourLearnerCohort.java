package dev.ticklist.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.events.catalog.ChecklistVersionPublished;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Category;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Item;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Level;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One cohort scenario and what it must show, run on one Redis (CohortProgressIT) and on a Redis
 * Cluster (RedisClusterIT): a three-item checklist (Entry: notation, matrices; Advanced:
 * research), learners ada, bob, cy and dee; ada ticks all three, bob notation, dee research.
 */
final class FourLearnerCohort {

    static final List<String> LEARNERS = List.of("ada", "bob", "cy", "dee");

    /** The cohort's table after the ticks, row by row. */
    static final String[] TABLE = {"learner,overall %,items done,items not skipped,Entry %,Advanced %",
            "ada,100.0,3,3,100.0,100.0", "dee,33.3,1,3,0.0,100.0", "bob,33.3,1,3,50.0,0.0", "cy,0.0,0,3,0.0,0.0"};

    private FourLearnerCohort() {
    }

    static ChecklistVersionPublished checklist(String checklistId, String organisationId) {
        return new ChecklistVersionPublished(checklistId, 1, organisationId, "Tiny",
                List.of(new Level("entry", "Entry", List.of(
                                new Category("entry-theory", "Theory", List.of(new Item("notation", "Notation", ""))),
                                new Category("entry-general", "General", List.of(new Item("matrices", "Matrices", ""))))),
                        new Level("advanced", "Advanced", List.of(new Category("advanced-general", "General",
                                List.of(new Item("research", "Research", "")))))));
    }

    /** Whether the cohort's view has taken in all four learners and the five ticks. */
    static boolean allTicksIn(JsonNode cohort) {
        return cohort.get("overall").get("learners").asInt() == 4
                && cohort.get("overall").get("averagePercent").asDouble() == 41.67;
    }

    static void assertView(JsonNode view, String checklistId) {
        assertThat(view.get("checklistId").asString()).isEqualTo(checklistId);
        JsonNode entry = view.get("levels").get(0);
        assertThat(entry.get("standing").get("finished").asInt()).isEqualTo(1);
        assertThat(entry.get("standing").get("averagePercent").asDouble()).isEqualTo(37.5);
        assertThat(histogram(entry)).containsExactly(2L, 0L, 0L, 0L, 0L, 1L, 0L, 0L, 0L, 1L);
        JsonNode theory = entry.get("categories").get(0);
        assertThat(theory.get("standing").get("finished").asInt()).isEqualTo(2);
        assertThat(theory.get("items").get(0).get("tickedBy").asInt()).isEqualTo(2);
        assertThat(theory.get("items").get(0).get("share").asDouble()).isEqualTo(0.5);
        JsonNode advanced = view.get("levels").get(1);
        assertThat(advanced.get("standing").get("finished").asInt()).isEqualTo(2);
    }

    static void assertRanking(JsonNode ranking) {
        assertThat(ranking.get("total").asInt()).isEqualTo(4);
        assertThat(ranking.get("learners").get(0).get("learnerId").asString()).isEqualTo("ada");
        assertThat(ranking.get("learners").get(0).get("percent").asDouble()).isEqualTo(100.0);
        assertThat(ranking.get("learners").get(1).get("rank").asInt()).isEqualTo(2);
        assertThat(ranking.get("learners").get(2).get("rank").asInt()).isEqualTo(2);
        assertThat(ranking.get("learners").get(3).get("learnerId").asString()).isEqualTo("cy");
        assertThat(ranking.get("learners").get(3).get("rank").asInt()).isEqualTo(4);
    }

    private static List<Long> histogram(JsonNode level) {
        return level.get("standing").get("histogram").valueStream().map(JsonNode::asLong).toList();
    }
}
