package dev.ticklist.events.catalog;

import dev.ticklist.events.TicklistEvent;

/** Checklists and their published versions. Keyed by checklist. */
public sealed interface CatalogEvent extends TicklistEvent permits ChecklistVersionPublished, ChecklistDraftSaved {

    String checklistId();

    @Override
    default String key() {
        return checklistId();
    }

    @Override
    default String subject() {
        return "checklists/" + checklistId();
    }
}
