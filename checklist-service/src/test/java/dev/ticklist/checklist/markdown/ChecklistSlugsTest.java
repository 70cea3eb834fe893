package dev.ticklist.checklist.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChecklistSlugsTest {

    @Test
    void slugsAreLowercaseAsciiWordsJoinedByHyphens() {
        assertThat(ChecklistSlugs.slug("Support-vector machines")).isEqualTo("support-vector-machines");
        assertThat(ChecklistSlugs.slug("  C++ & R: 100%  ")).isEqualTo("c-r-100");
        assertThat(ChecklistSlugs.slug("Café, naïve Ångström")).isEqualTo("cafe-naive-angstrom");
        assertThat(ChecklistSlugs.slug("Straße, Øresund, Łódź, Æsir")).isEqualTo("strasse-oresund-lodz-aesir");
        assertThat(ChecklistSlugs.slug("ＡＢＣ ﬁles")).isEqualTo("abc-files");
        assertThat(ChecklistSlugs.slug("Нейронные сети (CNN)")).isEqualTo("cnn");
        assertThat(ChecklistSlugs.slug("日本語")).isEmpty();
    }

    @Test
    void idsAreUniqueWithinTheChecklistAndAtMostSixtyFourCharacters() {
        var slugs = new ChecklistSlugs();

        assertThat(slugs.itemId("Data")).isEqualTo("data");
        assertThat(slugs.itemId("DATA!")).isEqualTo("data-2");
        assertThat(slugs.itemId("data")).isEqualTo("data-3");
        String longName = "word ".repeat(40);
        String first = slugs.itemId(longName);
        String second = slugs.itemId(longName);
        assertThat(first).hasSizeLessThanOrEqualTo(64).matches("^[a-z0-9]+(-[a-z0-9]+)*$");
        assertThat(second).hasSizeLessThanOrEqualTo(64).matches("^[a-z0-9]+(-[a-z0-9]+)*$").endsWith("-2");
    }

    @Test
    void namesWithoutLatinLettersOrDigitsGetAStableShortHash() {
        String id = new ChecklistSlugs().itemId("日本語のテキスト分類");

        assertThat(id).matches("^item-[0-9a-f]{6}$");
        assertThat(new ChecklistSlugs().itemId("日本語のテキスト分類")).isEqualTo(id);
        assertThat(new ChecklistSlugs().levelId("Начальный")).matches("^level-[0-9a-f]{6}$");
        assertThat(new ChecklistSlugs().categoryId("entry", "データ")).matches("^entry-category-[0-9a-f]{6}$");
    }
}
