package dev.ticklist.checklist.catalog;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.catalog.CatalogEvent;
import dev.ticklist.events.catalog.ChecklistVersionPublished;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Every published checklist version, as read from the catalog topic. */
public class Catalog {

    private final Map<String, ConcurrentSkipListMap<Integer, ChecklistVersionPublished>> versions =
            new ConcurrentHashMap<>();

    public void apply(EventEnvelope<CatalogEvent> envelope) {
        switch (envelope.event()) {
            case ChecklistVersionPublished published -> versions
                    .computeIfAbsent(published.checklistId(), id -> new ConcurrentSkipListMap<>())
                    .putIfAbsent(published.version(), published);
        }
    }

    /** The version, if it exists and the organisation may use it (its own, or a built-in template). */
    public Optional<ChecklistVersionPublished> version(String organisationId, String checklistId, int version) {
        return Optional.ofNullable(versions.get(checklistId))
                .map(all -> all.get(version))
                .filter(published -> visibleTo(organisationId, published));
    }

    public Optional<ChecklistVersionPublished> latest(String organisationId, String checklistId) {
        return Optional.ofNullable(versions.get(checklistId))
                .filter(all -> !all.isEmpty())
                .map(all -> all.lastEntry().getValue())
                .filter(published -> visibleTo(organisationId, published));
    }

    public List<ChecklistVersionPublished> latestVisibleTo(String organisationId) {
        return versions.values().stream()
                .filter(all -> !all.isEmpty())
                .map(all -> all.lastEntry().getValue())
                .filter(published -> visibleTo(organisationId, published))
                .sorted(Comparator.comparing(ChecklistVersionPublished::checklistId))
                .toList();
    }

    public boolean contains(String checklistId, int version) {
        var all = versions.get(checklistId);
        return all != null && all.containsKey(version);
    }

    private static boolean visibleTo(String organisationId, ChecklistVersionPublished published) {
        return published.organisationId() == null || published.organisationId().equals(organisationId);
    }
}
