package dev.ticklist.events.catalog;

import dev.ticklist.events.EventType;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Level;
import java.util.List;

/**
 * The whole draft of an organisation's checklist after an edit. Every edit saves the complete
 * draft, so the latest event of a checklist is its draft, and the history shows each step.
 *
 * @param basedOn the checklist the draft was copied from ({@code machine-learning@1}), or null
 */
@EventType("dev.ticklist.checklist.draft-saved.v1")
public record ChecklistDraftSaved(
        String checklistId,
        String organisationId,
        String title,
        String basedOn,
        List<Level> levels) implements CatalogEvent {

    public ChecklistDraftSaved {
        levels = List.copyOf(levels);
    }
}
