package dev.ticklist.checklist.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.events.catalog.ChecklistVersionPublished.Category;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Item;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Level;
import dev.ticklist.checklist.tick.ItemState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the names, an export reads back as the same checklist, and its ticks and item states as the same ids
 * (and reasons).
 */
class WriteThenReadPropertyTest {

    /** Pieces of names: Markdown syntax, escapes, entities, whitespace, non-Latin scripts, emoji, combining marks. */
    private static final List<String> PIECES = List.of(
            "a", "Z", "7", " ", "  ", "\t", "\u00a0", "*", "**", "_", "__", "[", "]", "[ ]", "[x]", "#", "##", "`",
            "```", "\\", "<", ">", "</b>", "&", "&amp;", "&#35;", "!", "|", "~", "~~", "$", "-", "+", "1.", ":", "(", ")",
            "\"", "'", "=", "日本語", "Кириллица", "العربية", "🎉", "👩‍💻", "e\u0301", "Ω");

    @Property(tries = 300)
    void anyChecklistSurvivesWriteThenRead(@ForAll("checklists") Exported checklist) {
        String markdown = new ChecklistMarkdownWriter().write(checklist.title(), checklist.levels(), Set.of());

        ImportedChecklist imported = new ChecklistMarkdownReader().read(markdown);

        assertThat(imported.title()).isEqualTo(Names.clean(checklist.title()));
        assertThat(Checklists.outline(imported.levels())).isEqualTo(Checklists.outline(cleaned(checklist.levels())));
        assertThat(imported.skipped()).isEmpty();
        assertThat(imported.adjusted()).isEmpty();
    }

    @Property(tries = 300)
    void ticksOnAnyExportReadBackAsTheTickedIds(@ForAll("checklists") Exported checklist,
                                                @ForAll boolean withDescriptions) {
        var writer = withDescriptions ? new ChecklistMarkdownWriter().withDescriptions() : new ChecklistMarkdownWriter();
        String markdown = writer.write(checklist.title(), checklist.levels(), Set.copyOf(checklist.ticked()));

        TickedList ticks = new TickedMarkdownReader().read(markdown, checklist.levels());

        assertThat(ticks.checkedItemIds()).containsExactlyElementsOf(checklist.ticked());
        assertThat(ticks.unmatched()).isEmpty();
        assertThat(ticks.checkedItemIds().size() + ticks.uncheckedItemIds().size()).isEqualTo(checklist.itemCount());
    }

    @Property(tries = 300)
    void statesOnAnyExportReadBackAsTheSameStatesAndTheSameChecklist(@ForAll("checklists") Exported checklist,
                                                                     @ForAll("reasons") List<String> reasons,
                                                                     @ForAll boolean withDescriptions) {
        var states = new LinkedHashMap<String, LearnerItem>();
        var ids = allIds(checklist.levels());
        for (int i = 0; i < ids.size(); i++) {
            String reason = reasons.get(i % reasons.size());
            states.put(ids.get(i), switch (i % 4) {
                case 0 -> LearnerItem.done(null);
                case 1 -> LearnerItem.inProgress();
                case 2 -> LearnerItem.skipped(reason.isEmpty() ? null : reason);
                default -> new LearnerItem(ItemState.NOT_STARTED, null, null);
            });
        }
        var writer = withDescriptions ? new ChecklistMarkdownWriter().withDescriptions() : new ChecklistMarkdownWriter();
        String markdown = writer.write(checklist.title(), checklist.levels(), states);

        TickedList read = new TickedMarkdownReader().read(markdown, checklist.levels());

        assertThat(read.unmatched()).isEmpty();
        assertThat(read.checkedItemIds()).containsExactlyElementsOf(idsIn(states, ItemState.DONE));
        assertThat(read.startedItemIds()).containsExactlyElementsOf(idsIn(states, ItemState.IN_PROGRESS));
        assertThat(read.uncheckedItemIds()).containsExactlyElementsOf(idsIn(states, ItemState.NOT_STARTED));
        assertThat(read.skippedItems()).containsExactlyElementsOf(states.entrySet().stream()
                .filter(entry -> entry.getValue().state() == ItemState.SKIPPED)
                .map(entry -> new TickedList.SkippedItem(entry.getKey(), cleanReason(entry.getValue().skipReason())))
                .toList());
        if (!withDescriptions) {
            var imported = new ChecklistMarkdownReader().read(markdown);
            assertThat(Checklists.outline(imported.levels())).isEqualTo(Checklists.outline(cleaned(checklist.levels())));
            assertThat(imported.skipped()).isEmpty();
        }
    }

    @Provide
    Arbitrary<List<String>> reasons() {
        return Arbitraries.oneOf(names(), Arbitraries.just("")).list().ofMinSize(1).ofMaxSize(4);
    }

    private static List<String> allIds(List<Level> levels) {
        return levels.stream().flatMap(level -> level.categories().stream())
                .flatMap(category -> category.items().stream()).map(Item::id).toList();
    }

    private static List<String> idsIn(Map<String, LearnerItem> states, ItemState state) {
        return states.entrySet().stream().filter(entry -> entry.getValue().state() == state).map(Map.Entry::getKey)
                .toList();
    }

    /** A reason as written and read back: tidied as names are; nothing left of it is no reason. */
    private static String cleanReason(String reason) {
        return reason == null || Names.clean(reason).isEmpty() ? null : Names.clean(reason);
    }

    record Exported(String title, List<Level> levels, List<String> ticked) {
        int itemCount() {
            return (int) levels.stream().flatMap(l -> l.categories().stream()).mapToLong(c -> c.items().size()).sum();
        }
    }

    @Provide
    Arbitrary<Exported> checklists() {
        var ids = new AtomicInteger();
        Arbitrary<Item> items = Combinators.combine(names(), names(), Arbitraries.of(true, false))
                .as((name, description, ticked) -> new Item((ticked ? "t" : "u") + ids.incrementAndGet(), name, description));
        Arbitrary<Category> categories = Combinators.combine(names(),
                        items.list().ofMinSize(1).ofMaxSize(5).uniqueElements(item -> Names.key(item.name())))
                .as((name, list) -> new Category("c" + ids.incrementAndGet(), name, list));
        Arbitrary<Level> levels = Combinators.combine(names(),
                        categories.list().ofMinSize(1).ofMaxSize(3).uniqueElements(category -> Names.key(category.name())))
                .as((name, list) -> new Level("l" + ids.incrementAndGet(), name, list));
        return Combinators.combine(names(), levels.list().ofMinSize(1).ofMaxSize(3).uniqueElements(level -> Names.key(level.name())))
                .as((title, list) -> new Exported(title, list, tickedIds(list)));
    }

    private static List<String> tickedIds(List<Level> levels) {
        return levels.stream().flatMap(level -> level.categories().stream()).flatMap(category -> category.items().stream())
                .map(Item::id).filter(id -> id.startsWith("t")).toList();
    }

    private static Arbitrary<String> names() {
        return Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(10).map(pieces -> String.join("", pieces))
                .filter(name -> !Names.clean(name).isEmpty());
    }

    /** The checklist as the writer writes it: every name through {@link Names#clean}. */
    private static List<Level> cleaned(List<Level> levels) {
        return levels.stream().map(level -> new Level(level.id(), Names.clean(level.name()), level.categories().stream()
                .map(category -> new Category(category.id(), Names.clean(category.name()), category.items().stream()
                        .map(item -> new Item(item.id(), Names.clean(item.name()), item.description())).toList()))
                .toList())).toList();
    }
}
