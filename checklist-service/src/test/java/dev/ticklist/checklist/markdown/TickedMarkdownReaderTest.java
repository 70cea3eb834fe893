package dev.ticklist.checklist.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.events.catalog.ChecklistVersionPublished.Category;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Item;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Level;
import java.text.Normalizer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TickedMarkdownReaderTest {

    private final TickedMarkdownReader reader = new TickedMarkdownReader();
    private final List<Level> checklist = Checklists.small();

    @Test
    void readsBackTheTicksOfAnExport() {
        String exported = new ChecklistMarkdownWriter().write("ML", checklist, Set.of("audio-data", "image-data-at-scale"));

        TickedList ticks = reader.read(exported, checklist);

        assertThat(ticks.checkedItemIds()).containsExactly("audio-data", "image-data-at-scale");
        assertThat(ticks.uncheckedItemIds()).containsExactly("image-data", "dense-networks");
        assertThat(ticks.unmatched()).isEmpty();
        assertThat(ticks.skipped()).isEmpty();
    }

    @Test
    void readsBackTheTicksOfAnExportWithDescriptions() {
        String exported = new ChecklistMarkdownWriter().withDescriptions()
                .write("ML", checklist, Set.of("image-data", "dense-networks"));

        TickedList ticks = reader.read(exported.replace("- [ ] Audio data", "- [x] Audio data"), checklist);

        assertThat(ticks.checkedItemIds()).containsExactly("image-data", "audio-data", "dense-networks");
        assertThat(ticks.uncheckedItemIds()).containsExactly("image-data-at-scale");
    }

    @Test
    void matchesNamesIgnoringCaseSpacingMarkupAndUnicodeForm() {
        String decomposedName = Normalizer.normalize("Café culture", Normalizer.Form.NFD);
        var levels = List.of(new Level("entry", "Entry", List.of(new Category("entry-general", "General", List.of(
                        new Item("cafe-culture", "Café culture", ""),
                        new Item("dense-networks", "Dense networks", ""))))));

        TickedList ticks = reader.read("- [X] " + decomposedName + "\n* [ ]   DENSE   **networks**\n", levels);

        assertThat(ticks.checkedItemIds()).containsExactly("cafe-culture");
        assertThat(ticks.uncheckedItemIds()).containsExactly("dense-networks");
    }

    @Test
    void usesTheHeadingsToTellItemsOfTheSameNameApart() {
        TickedList ticks = reader.read("""
                ## Advanced
                ### Data handling
                - [x] Image data
                ## Entry
                - [x] Image data
                """, checklist);

        assertThat(ticks.checkedItemIds()).containsExactly("image-data-at-scale", "image-data");
        assertThat(ticks.unmatched()).isEmpty();
    }

    @Test
    void reportsNamesFoundNowhereOrInSeveralPlacesAndSecondLinesForAnItem() {
        TickedList ticks = reader.read("""
                - [x] Image data
                - [x] Dense networks
                - [ ] Quantum computing
                - [ ] dense networks

                ```
                - [x] Audio data
                ```
                """, checklist);

        assertThat(ticks.checkedItemIds()).containsExactly("dense-networks");
        assertThat(ticks.uncheckedItemIds()).isEmpty();
        assertThat(ticks.unmatched()).containsExactly(
                new ReportLine(1, "- [x] Image data", "ambiguous: \"Image data\" appears in 2 places"
                        + " (Entry / Data handling, Advanced / Data handling); put it under its level and category headings"),
                new ReportLine(3, "- [ ] Quantum computing", "no item named \"Quantum computing\" in this checklist"),
                new ReportLine(4, "- [ ] dense networks", "item already listed on line 2"));
        assertThat(ticks.skipped()).containsExactly(new ReportLine(6, "```",
                "fenced code block: not read, even lines that look like task items"));
    }

    @Test
    void aHeadingThatNamesACategoryIsEnoughToTellItemsApart() {
        var levels = List.of(
                new Level("entry", "Entry", List.of(
                        new Category("entry-theory", "Theory", List.of(
                                new Item("basics-theory", "Basics", ""))),
                        new Category("entry-practice", "Practice", List.of(
                                new Item("basics-practice", "Basics", ""))))));

        TickedList ticks = reader.read("## Practice\n- [x] Basics\n", levels);

        assertThat(ticks.checkedItemIds()).containsExactly("basics-practice");
    }
}
