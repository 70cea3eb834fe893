package dev.ticklist.progress.model;

import dev.ticklist.events.catalog.ChecklistVersionPublished;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Category;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Item;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Level;
import dev.ticklist.progress.catalog.ChecklistStructure;
import java.util.Arrays;
import java.util.List;

/**
 * The checklists the model tests use, each in two versions: "tea", small enough to read in an
 * example, and "kitchen" (2 levels x 2 categories x 3 items) for the properties. Both have an
 * empty level, which never holds a checklist back.
 */
final class Checklists {

    static final String ORG = "acme";
    static final String TEA = "tea";
    static final String KITCHEN = "kitchen";

    /** brew {kettle: fill, boil}, serve {cups: pour}, later {someday: nothing}. */
    static final ChecklistStructure TEA_1 = structure(TEA, 1,
            level("brew", category("kettle", "fill", "boil")),
            level("serve", category("cups", "pour")),
            level("later", category("someday")));

    /** Version 2 drops "boil" (brew: fill only) and adds "stir" (serve: pour, stir). */
    static final ChecklistStructure TEA_2 = structure(TEA, 2,
            level("brew", category("kettle", "fill")),
            level("serve", category("cups", "pour", "stir")),
            level("later", category("someday")));

    static final ChecklistStructure KITCHEN_1 = structure(KITCHEN, 1,
            level("prep", category("knives", "k1", "k2", "k3"), category("boards", "b1", "b2", "b3")),
            level("cook", category("heat", "h1", "h2", "h3"), category("plates", "p1", "p2", "p3")),
            level("rest", category("idle")));

    /** Version 2 drops "k3" and adds "p4". */
    static final ChecklistStructure KITCHEN_2 = structure(KITCHEN, 2,
            level("prep", category("knives", "k1", "k2"), category("boards", "b1", "b2", "b3")),
            level("cook", category("heat", "h1", "h2", "h3"), category("plates", "p1", "p2", "p3", "p4")),
            level("rest", category("idle")));

    static final ChecklistVersions VERSIONS = (checklist, version) -> switch (checklist + "@" + version) {
        case "tea@1" -> TEA_1;
        case "tea@2" -> TEA_2;
        case "kitchen@1" -> KITCHEN_1;
        case "kitchen@2" -> KITCHEN_2;
        default -> throw new IllegalArgumentException("no checklist " + checklist + "@" + version);
    };

    static final String TEA_V1 = ChecklistVersions.key(TEA, 1);
    static final String TEA_V2 = ChecklistVersions.key(TEA, 2);

    private Checklists() {
    }

    private static ChecklistStructure structure(String id, int version, Level... levels) {
        return ChecklistStructure.of(new ChecklistVersionPublished(id, version, ORG, id, List.of(levels)));
    }

    private static Level level(String id, Category... categories) {
        return new Level(id, id, List.of(categories));
    }

    private static Category category(String id, String... items) {
        return new Category(id, id, Arrays.stream(items).map(item -> new Item(item, item, "")).toList());
    }
}
