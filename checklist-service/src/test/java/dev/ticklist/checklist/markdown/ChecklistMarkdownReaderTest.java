package dev.ticklist.checklist.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.events.catalog.ChecklistVersionPublished.Item;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChecklistMarkdownReaderTest {

    private final ChecklistMarkdownReader reader = new ChecklistMarkdownReader();

    /** Lines are numbered in the comments on the right; the tab before "- [ ] Spectrograms" is a real tab. */
    private static final String WRITTEN_BY_A_PERSON = """
            # My ML checklist

            Tick these off as you go. A box like [ ] in a sentence is not an item.

            ## Entry

            ### Data handling

            - [x] Image data
            - [ ] Audio *and* `time-series` data
            \t- [ ] Spectrograms
            \t- [x] [Resampling](https://example.org)
            * [X] Text data
            - [ ] image  DATA

            ```markdown
            - [ ] not an item
            ```

            ### Machine learning

            1. [ ] Regression
            2. [x] Clustering

            #### Stretch goals

            - [ ] 日本語のテキスト分類
            - [ ] Классификация текста
            - [ ] تحليل البيانات 📊

            ## Intermediate

            - [ ] Transformers
            - Reading list without a box
            - [ ]

            > - [ ] quoted task

            | a | b |
            |---|---|
            | 1 | 2 |

            ## Advanced
            """;
    //  1 # My ML checklist          12 \t- [x] [Resampling]     23 2. [x] Clustering        34 - Reading list…
    //  3 Tick these off…            13 * [X] Text data          25 #### Stretch goals       35 - [ ]
    //  5 ## Entry                   14 - [ ] image  DATA        27 - [ ] 日本語…            37 > - [ ] quoted task
    //  7 ### Data handling          16 ```markdown              28 - [ ] Классификация…     39 | a | b |
    //  9 - [x] Image data           20 ### Machine learning     29 - [ ] تحليل…             43 ## Advanced
    // 10 - [ ] Audio *and* …        22 1. [ ] Regression        31 ## Intermediate
    // 11 \t- [ ] Spectrograms                                   33 - [ ] Transformers

    @Test
    void takesTheTaskItemsOfAFileWrittenByAPersonAndReportsEverythingElse() {
        ImportedChecklist imported = reader.read(WRITTEN_BY_A_PERSON);

        assertThat(imported.title()).isEqualTo("My ML checklist");
        assertThat(Checklists.outline(imported.levels())).containsExactly(
                "Entry",
                "  Data handling",
                "    Image data",
                "    Audio and time-series data",
                "    Spectrograms",
                "    Resampling",
                "    Text data",
                "  Machine learning",
                "    Regression",
                "    Clustering",
                "    日本語のテキスト分類",
                "    Классификация текста",
                "    تحليل البيانات 📊",
                "Intermediate",
                "  General",
                "    Transformers");
        assertThat(imported.skipped()).containsExactly(
                new ReportLine(3, "Tick these off as you go. A box like [ ] in a sentence is not an item.",
                        "[ ] inside a paragraph is not a task item; a task item is a list item that starts with [ ] or [x]"),
                new ReportLine(14, "- [ ] image  DATA", "duplicate of the item on line 9 in \"Data handling\""),
                new ReportLine(16, "```markdown", "fenced code block: not read, even lines that look like task items"),
                new ReportLine(34, "- Reading list without a box", "list item without [ ] or [x]: not a task item"),
                new ReportLine(35, "- [ ]", "task item with no name"),
                new ReportLine(37, "> - [ ] quoted task", "block quote: not read, even task items inside it"),
                new ReportLine(39, "| a | b |", "table: not read"),
                new ReportLine(43, "## Advanced", "heading with no task items under it"));
        assertThat(imported.adjusted()).containsExactly(
                new ReportLine(11, "- [ ] Spectrograms", "nested task item: taken as an item of \"Data handling\""
                        + " after \"Audio and time-series data\""),
                new ReportLine(12, "- [x] [Resampling](https://example.org)", "nested task item: taken as an item of"
                        + " \"Data handling\" after \"Audio and time-series data\""),
                new ReportLine(25, "#### Stretch goals", "heading deeper than the category headings: its items were"
                        + " added to \"Entry / Machine learning\""));
        assertThat(imported.counts()).isEqualTo(new ImportedChecklist.Counts(2, 3, 11, 8, 3));
    }

    @Test
    void givesIdsMadeFromNamesAndShortHashesForNonLatinNames() {
        ImportedChecklist imported = reader.read(WRITTEN_BY_A_PERSON);

        assertThat(Checklists.ids(imported.levels())).containsExactly(
                "entry", "entry-data-handling", "image-data", "audio-and-time-series-data", "spectrograms",
                "resampling", "text-data", "entry-machine-learning", "regression", "clustering",
                "item-" + sha256Prefix("日本語のテキスト分類"), "item-" + sha256Prefix("Классификация текста"),
                "item-" + sha256Prefix("تحليل البيانات 📊"),
                "intermediate", "intermediate-general", "transformers");
        assertThat(reader.read(WRITTEN_BY_A_PERSON).levels()).isEqualTo(imported.levels());
    }

    private static String sha256Prefix(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 3);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void readsWindowsLineEndingsAndAByteOrderMark() {
        ImportedChecklist imported = reader.read("\uFEFF# Title\r\n\r\n## Entry\r\n- [ ] Images\r\n\r\nProse\r\n");

        assertThat(imported.title()).isEqualTo("Title");
        assertThat(Checklists.outline(imported.levels())).containsExactly("Entry", "  General", "    Images");
        assertThat(imported.skipped()).containsExactly(new ReportLine(6, "Prose", "text outside a task list: not read"));
    }

    @Test
    void readsItemsWithEmptyDescriptions() {
        ImportedChecklist imported = reader.read("- [ ] Regression\n");

        assertThat(imported.levels().getFirst().categories().getFirst().items())
                .containsExactly(new Item("regression", "Regression", ""));
    }

    @Nested
    class HeadingDepths {

        @Test
        void hashAndDoubleHashAsLevelsAndCategoriesWithoutATitle() {
            ImportedChecklist imported = reader.read("""
                    # Entry
                    ## Data handling
                    - [ ] Image data
                    # Advanced
                    ## Data handling
                    - [ ] Video data
                    """);

            assertThat(imported.title()).isNull();
            assertThat(Checklists.outline(imported.levels())).containsExactly(
                    "Entry", "  Data handling", "    Image data", "Advanced", "  Data handling", "    Video data");
            assertThat(Checklists.ids(imported.levels())).containsExactly(
                    "entry", "entry-data-handling", "image-data", "advanced", "advanced-data-handling", "video-data");
            assertThat(imported.skipped()).isEmpty();
        }

        @Test
        void deepHeadingsWorkTheSameAsShallowOnes() {
            ImportedChecklist imported = reader.read("""
                    ### Entry
                    #### Theory
                    - [ ] Gradients
                    ### Intermediate
                    #### Theory
                    - [ ] Attention
                    """);

            assertThat(Checklists.outline(imported.levels())).containsExactly(
                    "Entry", "  Theory", "    Gradients", "Intermediate", "  Theory", "    Attention");
        }

        @Test
        void aTitleAndOneDepthOfSectionsMakeLevelsWithAGeneralCategory() {
            ImportedChecklist imported = reader.read("""
                    # Learning Rust

                    ## Basics
                    - [ ] Ownership

                    ## Async
                    - [ ] Futures
                    """);

            assertThat(imported.title()).isEqualTo("Learning Rust");
            assertThat(Checklists.outline(imported.levels())).containsExactly(
                    "Basics", "  General", "    Ownership", "Async", "  General", "    Futures");
        }

        @Test
        void aHeadingAloneIsTheTitleOfAnEmptyChecklist() {
            ImportedChecklist imported = reader.read(new ChecklistMarkdownWriter().write("Nothing yet", java.util.List.of(),
                    java.util.Set.of()));

            assertThat(imported.title()).isEqualTo("Nothing yet");
            assertThat(imported.levels()).isEmpty();
            assertThat(imported.skipped()).isEmpty();
        }

        @Test
        void aSingleHeadingWithItemsUnderItIsALevelNotATitle() {
            ImportedChecklist imported = reader.read("# Groceries\n- [ ] Milk\n");

            assertThat(imported.title()).isNull();
            assertThat(Checklists.outline(imported.levels())).containsExactly("Groceries", "  General", "    Milk");
        }

        @Test
        void itemsWithoutAnyHeadingGoToAGeneralLevelAndCategory() {
            ImportedChecklist imported = reader.read("- [ ] Milk\n- [x] Bread\n");

            assertThat(imported.title()).isNull();
            assertThat(Checklists.outline(imported.levels())).containsExactly("General", "  General", "    Milk", "    Bread");
            assertThat(Checklists.ids(imported.levels())).containsExactly("general", "general-general", "milk", "bread");
        }

        @Test
        void theFirstHeadingIsNotTheTitleWhenItemsComeBeforeIt() {
            ImportedChecklist imported = reader.read("- [ ] Warm-up\n# Entry\n## Data\n- [ ] Images\n");

            assertThat(imported.title()).isNull();
            assertThat(Checklists.outline(imported.levels())).containsExactly(
                    "General", "  General", "    Warm-up", "Entry", "  Data", "    Images");
        }

        @Test
        void itemsDirectlyUnderALevelHeadingGoToGeneralNextToTheCategories() {
            ImportedChecklist imported = reader.read("""
                    ## Entry
                    - [ ] Orientation
                    ### Data handling
                    - [ ] Image data
                    """);

            assertThat(Checklists.outline(imported.levels())).containsExactly(
                    "Entry", "  General", "    Orientation", "  Data handling", "    Image data");
        }

        @Test
        void headingsThatGroupLevelsOrHoldNoItemsAreReported() {
            ImportedChecklist imported = reader.read("""
                    # Part one
                    ## Entry
                    ### Data
                    - [ ] Images
                    # Part two
                    ## Advanced
                    ### Theory
                    - [ ] Proofs
                    ### Empty category
                    ## Appendix
                    """);

            assertThat(imported.title()).isNull();
            assertThat(Checklists.outline(imported.levels())).containsExactly(
                    "Entry", "  Data", "    Images", "Advanced", "  Theory", "    Proofs");
            assertThat(imported.skipped()).extracting(ReportLine::line, ReportLine::reason).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(1, "heading above the level headings: not read"),
                    org.assertj.core.groups.Tuple.tuple(5, "heading above the level headings: not read"),
                    org.assertj.core.groups.Tuple.tuple(9, "heading with no task items under it"),
                    org.assertj.core.groups.Tuple.tuple(10, "heading with no task items under it"));
        }

        @Test
        void setextHeadingsCountLikeAtxHeadings() {
            ImportedChecklist imported = reader.read("""
                    Entry
                    =====
                    Data
                    ----
                    - [ ] Images

                    Advanced
                    ========
                    Theory
                    ------
                    - [ ] Proofs
                    """);

            assertThat(Checklists.outline(imported.levels()))
                    .containsExactly("Entry", "  Data", "    Images", "Advanced", "  Theory", "    Proofs");
        }
    }

    @Nested
    class RepeatedNames {

        @Test
        void repeatedHeadingsAreMergedAndRepeatedItemsKeptOnce() {
            ImportedChecklist imported = reader.read("""
                    ## Entry
                    ### Data
                    - [ ] Images
                    ## Entry
                    ### Data
                    - [ ] Audio
                    - [ ] IMAGES
                    """);

            assertThat(Checklists.outline(imported.levels())).containsExactly("Entry", "  Data", "    Images", "    Audio");
            assertThat(imported.adjusted()).extracting(ReportLine::line, ReportLine::reason).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(4,
                            "level \"Entry\" appears again: its categories were added to the one on line 1"),
                    org.assertj.core.groups.Tuple.tuple(5,
                            "category \"Data\" appears again in this level: its items were added to the one on line 2"));
            assertThat(imported.skipped()).containsExactly(
                    new ReportLine(7, "- [ ] IMAGES", "duplicate of the item on line 3 in \"Data\""));
        }

        @Test
        void theSameItemNameInTwoCategoriesIsTwoItemsWithDistinctIds() {
            ImportedChecklist imported = reader.read("""
                    ## Entry
                    ### Data
                    - [ ] Images
                    ## Advanced
                    ### Data
                    - [ ] Images
                    """);

            assertThat(Checklists.ids(imported.levels())).containsExactly(
                    "entry", "entry-data", "images", "advanced", "advanced-data", "images-2");
        }

        @Test
        void levelsNamedLikeTheTemplatesGetTheTemplatesLevelIdsEvenWhenAnItemHasTheName() {
            ImportedChecklist imported = reader.read("""
                    - [ ] Entry
                    ## ENTRY
                    - [ ] Basics
                    ## intermediate
                    - [ ] More
                    ## Advanced
                    - [ ] Most
                    """);

            assertThat(imported.levels()).extracting(level -> level.id())
                    .containsExactly("general", "entry", "intermediate", "advanced");
            assertThat(imported.levels().getFirst().categories().getFirst().items().getFirst().id()).isEqualTo("entry-2");
        }
    }

    @Nested
    class WhatIsNotTaken {

        @Test
        void codeHtmlQuotesAndTextAroundTheListAreReportedByKind() {
            ImportedChecklist imported = reader.read("""
                    Intro text.

                        - [ ] indented code
                    <details>
                    - [ ] inside HTML
                    </details>

                    ---

                    - [ ] Kept
                      Continued on the next line.

                      A second paragraph.

                      ```
                      - [ ] code in an item
                      ```
                    - # Heading in a list item
                    """);

            assertThat(Checklists.outline(imported.levels())).containsExactly(
                    "General", "  General", "    Kept Continued on the next line.");
            assertThat(imported.skipped()).extracting(ReportLine::line, ReportLine::reason).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(1, "text outside a task list: not read"),
                    org.assertj.core.groups.Tuple.tuple(3, "indented code block: not read"),
                    org.assertj.core.groups.Tuple.tuple(4, "HTML: not read"),
                    org.assertj.core.groups.Tuple.tuple(13,
                            "more text of the task item on line 10: only its first paragraph names the item"),
                    org.assertj.core.groups.Tuple.tuple(15,
                            "fenced code block: not read, even lines that look like task items"),
                    org.assertj.core.groups.Tuple.tuple(18, "list item without [ ] or [x]: not a task item"));
        }

        @Test
        void taskItemsInsidePlainListItemsAreTakenAsTheyAre() {
            ImportedChecklist imported = reader.read("""
                    - Week 1
                      - [ ] Read chapter 1
                      - [x] Exercises
                    """);

            assertThat(Checklists.outline(imported.levels()))
                    .containsExactly("General", "  General", "    Read chapter 1", "    Exercises");
            assertThat(imported.skipped()).extracting(ReportLine::reason)
                    .containsExactly("list item without [ ] or [x]: not a task item");
            assertThat(imported.adjusted()).isEmpty();
        }

        @Test
        void namesAreFlattenedFromCodeEmphasisLinksAndImagesAndInlineHtmlIsDropped() {
            ImportedChecklist imported = reader.read(
                    "- [ ] Use **`pandas`** with _[NumPy](https://numpy.org)_ ![logo](l.png) <kbd>now</kbd>\n");

            assertThat(Checklists.outline(imported.levels()))
                    .containsExactly("General", "  General", "    Use pandas with NumPy logo now");
        }

        @Test
        void namesLongerThanTwoHundredCharactersAreNotTaken() {
            String longName = "x".repeat(201);

            ImportedChecklist imported = reader.read("- [ ] " + longName + "\n- [ ] " + "y".repeat(200) + "\n");

            assertThat(imported.counts().items()).isEqualTo(1);
            assertThat(imported.skipped()).extracting(ReportLine::reason)
                    .containsExactly("item name longer than 200 characters");
            assertThat(imported.skipped().getFirst().text()).hasSize(121).endsWith("…");
        }

        @Test
        void anEmptyFileIsAnEmptyChecklist() {
            ImportedChecklist imported = reader.read("");

            assertThat(imported.levels()).isEmpty();
            assertThat(imported.counts()).isEqualTo(new ImportedChecklist.Counts(0, 0, 0, 0, 0));
        }
    }
}
