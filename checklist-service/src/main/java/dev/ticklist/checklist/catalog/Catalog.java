package dev.ticklist.checklist.catalog;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.catalog.CatalogEvent;
import dev.ticklist.events.catalog.ChecklistDraftSaved;
import dev.ticklist.events.catalog.ChecklistVersionPublished;
import dev.ticklist.platform.kafka.SnapshotState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Every checklist: its published versions and its current draft, as read from the catalog topic. */
public class Catalog implements SnapshotState<CatalogEvent> {

    private final Map<String, ConcurrentSkipListMap<Integer, ChecklistVersionPublished>> versions =
            new ConcurrentHashMap<>();
    private final Map<String, ChecklistDraftSaved> drafts = new ConcurrentHashMap<>();

    @Override
    public void apply(EventEnvelope<CatalogEvent> envelope) {
        switch (envelope.event()) {
            case ChecklistVersionPublished published -> versions
                    .computeIfAbsent(published.checklistId(), id -> new ConcurrentSkipListMap<>())
                    .putIfAbsent(published.version(), published);
            case ChecklistDraftSaved draft -> drafts.put(draft.checklistId(), draft);
        }
    }

    /** Every published version, in order, and each checklist's current draft: no draft replaced since. */
    @Override
    public List<CatalogEvent> asEvents() {
        var events = new ArrayList<CatalogEvent>();
        versions.values().forEach(all -> events.addAll(all.values()));
        events.addAll(drafts.values());
        return events;
    }

    @Override
    public void clear() {
        versions.clear();
        drafts.clear();
    }

    /** The version, if it exists and the organisation may use it (its own, or a built-in template). */
    public Optional<ChecklistVersionPublished> version(String organisationId, String checklistId, int version) {
        return Optional.ofNullable(versions.get(checklistId))
                .map(all -> all.get(version))
                .filter(published -> visibleTo(organisationId, published.organisationId()));
    }

    public Optional<ChecklistVersionPublished> latest(String organisationId, String checklistId) {
        return Optional.ofNullable(versions.get(checklistId))
                .filter(all -> !all.isEmpty())
                .map(all -> all.lastEntry().getValue())
                .filter(published -> visibleTo(organisationId, published.organisationId()));
    }

    public List<ChecklistVersionPublished> versions(String organisationId, String checklistId) {
        return Optional.ofNullable(versions.get(checklistId)).map(all -> List.copyOf(all.values())).orElse(List.of())
                .stream().filter(published -> visibleTo(organisationId, published.organisationId())).toList();
    }

    /** The organisation's draft of one of its own checklists. */
    public Optional<ChecklistDraftSaved> draft(String organisationId, String checklistId) {
        return Optional.ofNullable(drafts.get(checklistId))
                .filter(draft -> draft.organisationId().equals(organisationId));
    }

    /** Ids of every checklist the organisation can see: the templates, and its own, drafted or published. */
    public Set<String> checklistIds(String organisationId) {
        var ids = new TreeSet<String>(Comparator.naturalOrder());
        versions.forEach((id, all) -> {
            if (!all.isEmpty() && visibleTo(organisationId, all.firstEntry().getValue().organisationId())) {
                ids.add(id);
            }
        });
        drafts.forEach((id, draft) -> {
            if (draft.organisationId().equals(organisationId)) {
                ids.add(id);
            }
        });
        return ids;
    }

    public boolean contains(String checklistId, int version) {
        var all = versions.get(checklistId);
        return all != null && all.containsKey(version);
    }

    public boolean exists(String checklistId) {
        return versions.containsKey(checklistId) || drafts.containsKey(checklistId);
    }

    private static boolean visibleTo(String organisationId, String owner) {
        return owner == null || owner.equals(organisationId);
    }
}
