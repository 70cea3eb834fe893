package dev.ticklist.progress.catalog;

import dev.ticklist.events.catalog.CatalogEvent;
import dev.ticklist.platform.kafka.PoisonEventException;
import dev.ticklist.platform.kafka.TopicFollower;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** The structure an event names. An event only ever names a version already in the catalog, so wait for it if need be. */
public class ChecklistStructures {

    private static final Duration CATALOG_WAIT = Duration.ofSeconds(10);

    private final ChecklistCatalog catalog;
    private final TopicFollower<CatalogEvent> follower;

    public ChecklistStructures(ChecklistCatalog catalog, TopicFollower<CatalogEvent> follower) {
        this.catalog = catalog;
        this.follower = follower;
    }

    /** @throws PoisonEventException if the catalog, caught up, has no such version */
    public ChecklistStructure require(String checklistId, int version) {
        var found = catalog.find(checklistId, version);
        if (found.isPresent()) {
            return found.get();
        }
        try {
            follower.awaitCaughtUp(checklistId, CATALOG_WAIT);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the catalog is not caught up yet", e);
        }
        return catalog.find(checklistId, version).orElseThrow(() -> new PoisonEventException(
                "unknown checklist " + checklistId + " v" + version));
    }
}
