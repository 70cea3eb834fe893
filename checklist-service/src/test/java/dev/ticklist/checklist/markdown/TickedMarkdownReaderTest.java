package dev.ticklist.checklist.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ticklist.events.catalog.ChecklistVersionPublished.Category;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Item;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Level;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
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

    @Test
    void markersAfterANameSetItemsInProgressOrSkippedAsPeopleWriteThemToo() {
        TickedList read = reader.read("""
                ## Entry
                - [ ] Audio data _(In progress)_
                - [ ] ~~Dense networks~~ *(skipped:Covered at work)*
                ## Advanced
                - [ ] Image data *(skipped: )*
                """, checklist);

        assertThat(read.startedItemIds()).containsExactly("audio-data");
        assertThat(read.skippedItems()).containsExactly(
                new TickedList.SkippedItem("dense-networks", "Covered at work"),
                new TickedList.SkippedItem("image-data-at-scale", null));
        assertThat(read.checkedItemIds()).isEmpty();
        assertThat(read.uncheckedItemIds()).isEmpty();
        assertThat(read.unmatched()).isEmpty();
    }

    @Test
    void anItemTickedOnGitHubIsDoneWhateverMarkerItHad() {
        TickedList read = reader.read("""
                ## Entry
                - [x] Audio data *(in progress)*
                - [x] ~~Dense networks~~ *(skipped: Covered at work)*
                """, checklist);

        assertThat(read.checkedItemIds()).containsExactly("audio-data", "dense-networks");
        assertThat(read.startedItemIds()).isEmpty();
        assertThat(read.skippedItems()).isEmpty();
    }

    @Test
    void emphasisThatIsNoMarkerStaysPartOfTheNameAndAStrikeWithoutAMarkerIsNoSkip() {
        var levels = List.of(new Level("entry", "Entry", List.of(new Category("entry-general", "General", List.of(
                new Item("optional-reading", "Optional reading (optional)", ""),
                new Item("in-progress", "(in progress)", ""),
                new Item("struck", "~~Struck~~", ""))))));

        TickedList read = reader.read("""
                - [ ] Optional reading *(optional)*
                - [ ] *(in progress)*
                - [ ] ~~Struck~~
                """, levels);

        assertThat(read.uncheckedItemIds()).containsExactly("optional-reading", "in-progress", "struck");
        assertThat(read.startedItemIds()).isEmpty();
        assertThat(read.skippedItems()).isEmpty();
        assertThat(read.unmatched()).isEmpty();
    }

    @Test
    void aNameThatLooksLikeAMarkerIsWrittenSoItReadsBackAsAName() {
        var levels = List.of(new Level("entry", "Entry", List.of(new Category("entry-general", "General", List.of(
                new Item("a", "Reading *(in progress)*", ""),
                new Item("b", "~~Old~~ (skipped)", ""))))));
        String markdown = new ChecklistMarkdownWriter().write("T", levels, Map.of(
                "a", LearnerItem.skipped("Too long"), "b", LearnerItem.inProgress()));

        TickedList read = reader.read(markdown, levels);

        assertThat(read.skippedItems()).containsExactly(new TickedList.SkippedItem("a", "Too long"));
        assertThat(read.startedItemIds()).containsExactly("b");
        assertThat(read.unmatched()).isEmpty();
    }

    @Test
    void aSkipWhoseReasonCannotBeTakenIsReportedAndNotRecorded() {
        TickedList read = reader.read("## Entry\n- [ ] Audio data *(skipped: " + "x".repeat(281) + ")*\n"
                + "- [ ] Dense networks *(skipped: cert \u202Efdp.exe)*\n", checklist);

        assertThat(read.skippedItems()).isEmpty();
        assertThat(read.unmatched()).extracting(ReportLine::line, ReportLine::reason).containsExactly(
                tuple(2, "skip reason is 281 characters long; at most 280"),
                tuple(3, "skip reason holds U+202E (a bidirectional control) at character 6; remove it"));
    }
}
