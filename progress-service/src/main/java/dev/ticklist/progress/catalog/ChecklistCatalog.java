package dev.ticklist.progress.catalog;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.catalog.CatalogEvent;
import dev.ticklist.events.catalog.ChecklistDraftSaved;
import dev.ticklist.events.catalog.ChecklistVersionPublished;
import dev.ticklist.platform.kafka.SnapshotState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The structure of every published checklist version, read from the catalog topic. */
public class ChecklistCatalog implements SnapshotState<CatalogEvent> {

    private final Map<String, ChecklistStructure> structures = new ConcurrentHashMap<>();
    /** What the structures were made from: the snapshot. */
    private final Map<String, ChecklistVersionPublished> published = new ConcurrentHashMap<>();

    @Override
    public void apply(EventEnvelope<CatalogEvent> envelope) {
        switch (envelope.event()) {
            case ChecklistVersionPublished version -> {
                String key = key(version.checklistId(), version.version());
                if (published.putIfAbsent(key, version) == null) {
                    structures.put(key, ChecklistStructure.of(version));
                }
            }
            case ChecklistDraftSaved draft -> {
                // Drafts are not assignable; only published versions count for progress.
            }
        }
    }

    /** Every published version; drafts count for nothing here. */
    @Override
    public List<CatalogEvent> asEvents() {
        return List.copyOf(published.values());
    }

    @Override
    public void clear() {
        published.clear();
        structures.clear();
    }

    public Optional<ChecklistStructure> find(String checklistId, int version) {
        return Optional.ofNullable(structures.get(key(checklistId, version)));
    }

    private static String key(String checklistId, int version) {
        return checklistId + "@" + version;
    }
}
