package dev.ticklist.checklist.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownLimitsTest {

    private final ChecklistMarkdownReader reader = new ChecklistMarkdownReader();

    @Test
    void refusesMoreThanOneMebibyte() {
        String tooLarge = "- [ ] item\n" + "x".repeat(MarkdownLimits.MAX_BYTES);

        assertThatThrownBy(() -> reader.read(tooLarge))
                .isInstanceOfSatisfying(MarkdownTooLargeException.class,
                        e -> assertThat(e.limit()).isEqualTo(MarkdownTooLargeException.Limit.BYTES))
                .hasMessage("the Markdown is larger than 1048576 bytes (1 MiB)");
        assertThatThrownBy(() -> new TickedMarkdownReader().read(tooLarge, List.of()))
                .isInstanceOf(MarkdownTooLargeException.class);
    }

    @Test
    void countsBytesAsUtf8NotCharacters() {
        String cyrillic = "ж".repeat(MarkdownLimits.MAX_BYTES / 2);

        assertThat(reader.read(cyrillic).counts().skipped()).isEqualTo(1);
        assertThatThrownBy(() -> reader.read(cyrillic + "ж"))
                .isInstanceOfSatisfying(MarkdownTooLargeException.class,
                        e -> assertThat(e.limit()).isEqualTo(MarkdownTooLargeException.Limit.BYTES));
    }

    @Test
    void readsFiveThousandItemsAndRefusesMore() {
        var items = new StringBuilder();
        for (int i = 1; i <= MarkdownLimits.MAX_ITEMS; i++) {
            items.append("- [ ] Item ").append(i).append('\n');
        }

        assertThat(reader.read(items.toString()).counts().items()).isEqualTo(5_000);
        assertThatThrownBy(() -> reader.read(items + "- [ ] One too many\n"))
                .isInstanceOfSatisfying(MarkdownTooLargeException.class,
                        e -> assertThat(e.limit()).isEqualTo(MarkdownTooLargeException.Limit.ITEMS))
                .hasMessage("the Markdown holds more than 5000 task items");
    }

    @Test
    void refusesBlocksNestedTooDeeplyToParse() {
        String quotes = ">".repeat(500_000) + " deep";

        assertThatThrownBy(() -> reader.read(quotes))
                .isInstanceOfSatisfying(MarkdownTooLargeException.class,
                        e -> assertThat(e.limit()).isEqualTo(MarkdownTooLargeException.Limit.NESTING));
    }

    @Test
    void readsCraftedInlineMarkupInBoundedTime() {
        // Without ShortBlockInlineParserFactory, commonmark-java takes about a minute for the first of these.
        String brackets = "- [ ] " + "[".repeat(500_000) + "]".repeat(500_000) + "\n";
        String paragraphs = ("[".repeat(500) + "a" + "]".repeat(500) + "\n\n").repeat(1_000);
        String emphasis = "*a ".repeat(150_000) + "b* ".repeat(150_000);

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThat(reader.read(brackets).skipped()).extracting(ReportLine::reason)
                    .containsExactly("item name longer than 200 characters");
            assertThat(reader.read(paragraphs).counts().skipped()).isEqualTo(1_000);
            assertThat(reader.read(emphasis).counts().skipped()).isEqualTo(1);
        });
    }

    @Test
    void shortBlocksAreStillParsedAsCommonMark() {
        String name = "**" + "a".repeat(150) + "** [link](x) `code`";

        assertThat(Checklists.outline(reader.read("- [ ] " + name + "\n").levels()))
                .containsExactly("General", "  General", "    " + "a".repeat(150) + " link code");
    }

    @Test
    void listsAtMostAThousandReportLinesButCountsAll() {
        String manyParagraphs = "a\n\n".repeat(3_000) + "- [ ] Item\n";

        ImportedChecklist imported = reader.read(manyParagraphs);

        assertThat(imported.skipped()).hasSize(MarkdownLimits.MAX_REPORT_LINES);
        assertThat(imported.skipped().getFirst().line()).isEqualTo(1);
        assertThat(imported.skipped().getLast().line()).isEqualTo(1_999);
        assertThat(imported.counts().skipped()).isEqualTo(3_000);
        assertThat(imported.counts().items()).isEqualTo(1);
    }
}
