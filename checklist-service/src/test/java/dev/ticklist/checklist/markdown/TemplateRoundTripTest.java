package dev.ticklist.checklist.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.events.catalog.ChecklistVersionPublished.Category;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Item;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Level;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both built-in templates survive export and import, and ticks on an export come back as the template's ids. */
class TemplateRoundTripTest {

    @ParameterizedTest
    @ValueSource(strings = {"machine-learning.json", "data-science.json"})
    void exportThenImportGivesTheSameTitleLevelsCategoriesAndItemsInOrder(String file) {
        Checklists.Template template = Checklists.template(file);

        String markdown = new ChecklistMarkdownWriter().write(template.title(), template.levels(), Set.of());
        ImportedChecklist imported = new ChecklistMarkdownReader().read(markdown);

        assertThat(imported.title()).isEqualTo(template.title());
        assertThat(Checklists.outline(imported.levels())).isEqualTo(Checklists.outline(template.levels()));
        assertThat(imported.skipped()).isEmpty();
        assertThat(imported.adjusted()).isEmpty();
        // Level and category ids follow the templates' own scheme.
        assertThat(imported.levels()).extracting(Level::id).isEqualTo(template.levels().stream().map(Level::id).toList());
        assertThat(imported.levels().stream().flatMap(level -> level.categories().stream()).map(Category::id))
                .isEqualTo(template.levels().stream().flatMap(level -> level.categories().stream()).map(Category::id).toList());
        var ids = Checklists.ids(imported.levels());
        assertThat(ids).allMatch(id -> id.matches("^[a-z0-9]+(-[a-z0-9]+)*$") && id.length() <= 64)
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(strings = {"machine-learning.json", "data-science.json"})
    void ticksOnAnExportComeBackAsTheTemplatesItemIds(String file) {
        Checklists.Template template = Checklists.template(file);
        var everyOther = new HashSet<String>();
        var all = template.levels().stream().flatMap(level -> level.categories().stream())
                .flatMap(category -> category.items().stream()).map(Item::id).toList();
        for (int i = 0; i < all.size(); i += 2) {
            everyOther.add(all.get(i));
        }

        String markdown = new ChecklistMarkdownWriter().withDescriptions().write(template.title(), template.levels(), everyOther);
        TickedList ticks = new TickedMarkdownReader().read(markdown, template.levels());

        assertThat(ticks.checkedItemIds()).containsExactlyElementsOf(all.stream().filter(everyOther::contains).toList());
        assertThat(ticks.uncheckedItemIds()).containsExactlyElementsOf(
                all.stream().filter(id -> !everyOther.contains(id)).collect(Collectors.toList()));
        assertThat(ticks.unmatched()).isEmpty();
    }
}
