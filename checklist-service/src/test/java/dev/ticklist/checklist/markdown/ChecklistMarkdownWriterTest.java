package dev.ticklist.checklist.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.checklist.tick.ItemState;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Category;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Item;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Level;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChecklistMarkdownWriterTest {

    private final ChecklistMarkdownWriter writer = new ChecklistMarkdownWriter();

    @Test
    void writesTitleLevelsCategoriesAndItemsInOrderTickingTheGivenIds() {
        String markdown = writer.write("ML progress", Checklists.small(), Set.of("audio-data", "not-in-this-checklist"));

        assertThat(markdown).isEqualTo("""
                # ML progress

                ## Entry

                ### Data handling

                - [ ] Image data
                - [x] Audio data

                ### Networks

                - [ ] Dense networks

                ## Advanced

                ### Data handling

                - [ ] Image data
                """);
    }

    @Test
    void appendsDescriptionsOnlyWhenAsked() {
        String markdown = writer.withDescriptions().write("ML progress", Checklists.small(), Set.of());

        assertThat(markdown).contains("- [ ] Image data — Load small image datasets.\n")
                .contains("- [ ] Audio data\n")
                .contains("- [ ] Dense networks — Fully connected layers.\n");
        assertThat(writer.write("ML progress", Checklists.small(), Set.of())).doesNotContain("—");
    }

    @Test
    void escapesWhatMarkdownWouldChangeAndLeavesTheRestReadable() {
        List<String> names = List.of("*args and **kwargs", "snake_case vs _private_", "[link](https://x.org)",
                "`code`", "a\\b", "<div>", "AT&T &amp; co", "~~gone~~", "$x$", "C++ & R: 100% (or 50-50)");
        var items = names.stream().map(name -> new Item("i" + names.indexOf(name), name, "")).toList();
        var levels = List.of(new Level("l", "Entry", List.of(new Category("c", "Odd names", items))));

        String markdown = writer.write("T", levels, Set.of());

        assertThat(markdown.lines().filter(line -> line.startsWith("- ")).toList()).containsExactly(
                "- [ ] \\*args and \\*\\*kwargs",
                "- [ ] snake_case vs \\_private\\_",
                "- [ ] \\[link\\](https://x.org)",
                "- [ ] \\`code\\`",
                "- [ ] a\\\\b",
                "- [ ] \\<div>",
                "- [ ] AT\\&T \\&amp; co",
                "- [ ] \\~\\~gone\\~\\~",
                "- [ ] \\$x\\$",
                "- [ ] C++ & R: 100% (or 50-50)");
        assertThat(Checklists.outline(new ChecklistMarkdownReader().read(markdown).levels()))
                .isEqualTo(Checklists.outline(levels));
    }

    @Test
    void escapesTrailingHashesInHeadingsWhichWouldOtherwiseBeDropped() {
        var levels = List.of(new Level("l", "C#", List.of(new Category("c", "Issues #", List.of(
                new Item("i", "Use F#", ""))))));

        String markdown = writer.write("Notes ##", levels, Set.of());

        assertThat(markdown).startsWith("# Notes \\#\\#\n\n## C\\#\n\n### Issues \\#\n\n- [ ] Use F#\n");
        ImportedChecklist read = new ChecklistMarkdownReader().read(markdown);
        assertThat(read.title()).isEqualTo("Notes ##");
        assertThat(Checklists.outline(read.levels())).containsExactly("C#", "  Issues #", "    Use F#");
    }

    @Test
    void normalisesWhitespaceInNamesAndWritesAPlaceholderForABlankTitle() {
        var levels = List.of(new Level("l", " Entry\t", List.of(new Category("c", "Data\nhandling", List.of(
                new Item("i", "  Image \u00a0 data ", ""))))));

        assertThat(writer.write("  ", levels, Set.of())).isEqualTo("""
                # Checklist

                ## Entry

                ### Data handling

                - [ ] Image data
                """);
    }

    @Test
    void writesEmptyLevelsAndCategoriesAsHeadingsOnly() {
        var levels = List.of(new Level("entry", "Entry", List.of(new Category("c", "Empty", List.of()))),
                new Level("advanced", "Advanced", List.of()));

        assertThat(writer.write("T", levels, Set.of())).isEqualTo("# T\n\n## Entry\n\n### Empty\n\n## Advanced\n");
    }

    @Test
    void aLearnersEvidenceIsWrittenUnderTheTickedItemAndTheFileStillTicksBack() {
        var evidence = Map.of(
                "image-data", new ItemEvidence("https://github.com/ada/cats-and-dogs", "CNN *baseline*, 92 %"),
                "dense-networks", new ItemEvidence("https://example.org/a>b", null),
                "audio-data", new ItemEvidence("https://example.org/never-shown", "not ticked"));

        String markdown = new ChecklistMarkdownWriter().write("ML", Checklists.small(),
                Set.of("image-data", "dense-networks"), evidence);

        assertThat(markdown).contains("""
                - [x] Image data
                  - Evidence: <https://github.com/ada/cats-and-dogs> — CNN \\*baseline\\*, 92 %
                - [ ] Audio data
                """, """
                - [x] Dense networks
                  - Evidence: https://example.org/a>b
                """).doesNotContain("never-shown");
        var ticks = new TickedMarkdownReader().read(markdown, Checklists.small());
        assertThat(ticks.checkedItemIds()).containsExactly("image-data", "dense-networks");
        assertThat(ticks.unmatched()).isEmpty();
    }

    @Test
    void anEvidenceLinkWhoseSchemeIsInCapitalsIsStillALink() {
        String markdown = new ChecklistMarkdownWriter().write("ML", Checklists.small(), Set.of("image-data"),
                Map.of("image-data", new ItemEvidence("HTTPS://Example.org/Cats", null)));

        assertThat(markdown).contains("- [x] Image data\n  - Evidence: <HTTPS://Example.org/Cats>\n");
    }

    @Test
    void aLearnersItemsInProgressAndSkippedAreMarkedAfterTheirNamesAndSkippedOnesStruckThrough() {
        var items = Map.of(
                "image-data", LearnerItem.done(new ItemEvidence("https://github.com/ada/cats", null)),
                "audio-data", LearnerItem.inProgress(),
                "dense-networks", LearnerItem.skipped("Not in *our* course (sorry)"),
                "image-data-at-scale", LearnerItem.skipped(null));

        String markdown = writer.write("ML", Checklists.small(), items);

        assertThat(markdown).isEqualTo("""
                # ML

                ## Entry

                ### Data handling

                - [x] Image data
                  - Evidence: <https://github.com/ada/cats>
                - [ ] Audio data *(in progress)*

                ### Networks

                - [ ] ~~Dense networks~~ *(skipped: Not in \\*our\\* course (sorry))*

                ## Advanced

                ### Data handling

                - [ ] ~~Image data~~ *(skipped)*
                """);
        var read = new TickedMarkdownReader().read(markdown, Checklists.small());
        assertThat(read.checkedItemIds()).containsExactly("image-data");
        assertThat(read.startedItemIds()).containsExactly("audio-data");
        assertThat(read.skippedItems()).containsExactly(
                new TickedList.SkippedItem("dense-networks", "Not in *our* course (sorry)"),
                new TickedList.SkippedItem("image-data-at-scale", null));
        assertThat(read.uncheckedItemIds()).isEmpty();
        assertThat(read.unmatched()).isEmpty();
    }

    @Test
    void withDescriptionsTheStrikeCoversNameAndDescriptionAndTheMarkerFollows() {
        String markdown = writer.withDescriptions().write("ML", Checklists.small(), Map.of(
                "image-data", LearnerItem.skipped("Done at school"), "dense-networks", LearnerItem.inProgress()));

        assertThat(markdown).contains(
                "- [ ] ~~Image data — Load small image datasets.~~ *(skipped: Done at school)*\n",
                "- [ ] Dense networks — Fully connected layers. *(in progress)*\n");
        var read = new TickedMarkdownReader().read(markdown, Checklists.small());
        assertThat(read.skippedItems()).containsExactly(new TickedList.SkippedItem("image-data", "Done at school"));
        assertThat(read.startedItemIds()).containsExactly("dense-networks");
        assertThat(read.unmatched()).isEmpty();
    }

    @Test
    void evidenceIsWrittenForDoneItemsOnlyAndAReasonTidiedAsANameIs() {
        String markdown = writer.write("ML", Checklists.small(), Map.of(
                "image-data", new LearnerItem(ItemState.SKIPPED, "  two   spaces ", new ItemEvidence("https://x.org", null)),
                "audio-data", new LearnerItem(ItemState.NOT_STARTED, null, new ItemEvidence("https://y.org", null))));

        assertThat(markdown).contains("- [ ] ~~Image data~~ *(skipped: two spaces)*\n- [ ] Audio data\n\n")
                .doesNotContain("Evidence");
    }
}
