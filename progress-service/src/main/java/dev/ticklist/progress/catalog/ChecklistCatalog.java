package dev.ticklist.progress.catalog;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.catalog.CatalogEvent;
import dev.ticklist.events.catalog.ChecklistDraftSaved;
import dev.ticklist.events.catalog.ChecklistVersionPublished;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The structure of every published checklist version, read from the catalog topic. */
public class ChecklistCatalog {

    private final Map<String, ChecklistStructure> structures = new ConcurrentHashMap<>();

    public void apply(EventEnvelope<CatalogEvent> envelope) {
        switch (envelope.event()) {
            case ChecklistVersionPublished published ->
                    structures.putIfAbsent(key(published.checklistId(), published.version()),
                            ChecklistStructure.of(published));
            case ChecklistDraftSaved draft -> {
                // Drafts are not assignable; only published versions count for progress.
            }
        }
    }

    public Optional<ChecklistStructure> find(String checklistId, int version) {
        return Optional.ofNullable(structures.get(key(checklistId, version)));
    }

    private static String key(String checklistId, int version) {
        return checklistId + "@" + version;
    }
}
