package dev.ticklist.checklist.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.events.catalog.ChecklistVersionPublished.Category;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Item;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Level;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A long list as a person keeps it for themselves (backend-self-study.md): twelve sections under its
 * title, nested tasks that repeat names under each topic, deeper nesting, a plan as a plain list item,
 * code and a table. Every one of its 58 task items is taken, and export and import agree.
 */
class LongListImportTest {

    static final String FILE = read("/markdown/backend-self-study.md");
    private static final int TASKS = 58;

    private final ChecklistMarkdownReader reader = new ChecklistMarkdownReader();

    @Test
    void everyTaskOfTheListIsTakenTwelveSectionsBecomingCategoriesOfOneLevel() {
        ImportedChecklist imported = reader.read(FILE);

        assertThat(imported.title()).isEqualTo("Backend self-study list");
        assertThat(imported.counts().items()).isEqualTo(TASKS);
        assertThat(imported.levels()).singleElement().satisfies(level -> {
            assertThat(level.name()).isEqualTo("General");
            assertThat(level.categories()).extracting(Category::name).containsExactly("Version control", "Terminal",
                    "Networking", "HTTP", "Databases", "Caching", "Messaging", "Testing", "Security", "Containers",
                    "Observability", "Deployment");
        });
        assertThat(imported.skipped()).noneMatch(line -> line.reason().startsWith("duplicate"));
        assertThat(imported.adjusted()).filteredOn(line -> line.text().startsWith("## ")).hasSize(12)
                .allSatisfy(line -> assertThat(line.reason()).isEqualTo("the file has 12 level sections, more than the"
                        + " 10 levels a checklist holds: each became a category of the level \"General\""));
    }

    @Test
    void nestedTasksThatRepeatANameAreNamedWithTheirParentNotDropped() {
        ImportedChecklist imported = reader.read(FILE);

        assertThat(names(imported.levels(), "Version control")).containsExactly("Commit, branch and merge", "Rebase",
                "Rebase › Read the docs", "Rebase › Practice on a toy repository", "Bisect", "Bisect › Read the docs",
                "Bisect › Practice on a toy repository", "Signed commits");
        assertThat(names(imported.levels(), "Messaging")).containsExactly("Queues versus logs", "Consumer groups",
                "Consumer groups › Build a small project", "Exactly-once claims",
                "Exactly-once claims › Build a small project");
        // A nested name found once in its category stays as it is.
        assertThat(names(imported.levels(), "Terminal")).containsExactly("Pipes and redirection", "Shell scripts",
                "Variables and quoting", "Loops", "for", "while", "Job control");
        assertThat(imported.adjusted()).anySatisfy(line -> {
            assertThat(line.line()).isEqualTo(12);
            assertThat(line.reason()).isEqualTo("nested task item sharing its name with another item of its category:"
                    + " named \"Bisect › Read the docs\"");
        });
    }

    @Test
    void exportThenImportGivesTheSameChecklist() {
        ImportedChecklist imported = reader.read(FILE);

        String exported = new ChecklistMarkdownWriter().write(imported.title(), imported.levels(), Set.of());
        ImportedChecklist again = reader.read(exported);

        assertThat(again.title()).isEqualTo(imported.title());
        assertThat(again.levels()).isEqualTo(imported.levels());
        assertThat(again.skipped()).isEmpty();
        assertThat(again.adjusted()).isEmpty();
    }

    @Test
    void thePersonsOwnFileTicksTheItemsItChecks() {
        var levels = reader.read(FILE).levels();

        TickedList ticks = new TickedMarkdownReader().read(FILE, levels);

        assertThat(ticks.checkedItemIds()).containsExactly("commit-branch-and-merge", "rebase",
                "rebase-read-the-docs", "pipes-and-redirection", "methods-and-status-codes", "joins", "unit-tests");
        assertThat(ticks.checkedItemIds().size() + ticks.uncheckedItemIds().size()).isEqualTo(TASKS);
        assertThat(ticks.unmatched()).isEmpty();
    }

    @Test
    void aFileOfMoreSectionsThanLevelsWithCategoriesOfItsOwnTicksBackItemsTheirNamesRepeat() {
        var file = new StringBuilder("# Eleven topics\n");
        for (int topic = 1; topic <= 11; topic++) {
            file.append("\n## Topic ").append(topic).append("\n\n### Basics\n\n- [").append(topic % 2 == 0 ? "x" : " ")
                    .append("] Intro\n- [ ] Exercises\n");
        }
        ImportedChecklist imported = reader.read(file.toString());

        assertThat(imported.levels()).singleElement().satisfies(level -> assertThat(level.categories())
                .extracting(Category::name).startsWith("Topic 1 › Basics", "Topic 2 › Basics").hasSize(11));
        assertThat(imported.counts().items()).isEqualTo(22);
        TickedList ticks = new TickedMarkdownReader().read(file.toString(), imported.levels());
        assertThat(ticks.checkedItemIds()).hasSize(5);
        assertThat(ticks.uncheckedItemIds()).hasSize(17);
        assertThat(ticks.unmatched()).isEmpty();
    }

    @Test
    void sectionsWhoseJoinedNamesWouldBeTooLongKeepTheirCategoryNameAndSaySoWhenTwoMerge() {
        // Section names of 200 characters (longer headings are shortened): with " › Basics" they would pass it.
        String longName = "a topic with a very long name ".repeat(7).trim();
        var file = new StringBuilder("# Long names\n");
        for (int topic = 1; topic <= 11; topic++) {
            file.append("\n## ").append(topic).append(' ').append(longName).append("\n\n### Basics\n\n- [ ] Step ")
                    .append(topic).append('\n');
        }
        ImportedChecklist imported = reader.read(file.toString());

        assertThat(imported.counts().items()).isEqualTo(11);
        assertThat(imported.levels().getFirst().categories()).extracting(Category::name).containsExactly("Basics");
        assertThat(imported.adjusted()).filteredOn(line -> line.text().equals("### Basics")).hasSize(10)
                .allSatisfy(line -> assertThat(line.reason()).startsWith("category \"Basics\" appears again"));
    }

    private static List<String> names(List<Level> levels, String category) {
        return levels.stream().flatMap(level -> level.categories().stream())
                .filter(c -> c.name().equals(category)).findFirst().orElseThrow()
                .items().stream().map(Item::name).toList();
    }

    private static String read(String resource) {
        try (InputStream in = LongListImportTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
