package dev.ticklist.checklist.tick;

import dev.ticklist.platform.web.Ids;
import dev.ticklist.checklist.catalog.Catalog;
import dev.ticklist.checklist.directory.Directory;
import dev.ticklist.checklist.directory.DirectoryCommands;
import dev.ticklist.events.Topics;
import dev.ticklist.events.activity.ItemEvidenceAttached;
import dev.ticklist.events.activity.ItemTicked;
import dev.ticklist.events.activity.ItemUnticked;
import dev.ticklist.events.activity.LearnerActivityEvent;
import dev.ticklist.events.activity.TickEvidence;
import dev.ticklist.events.catalog.ChecklistVersionPublished;
import dev.ticklist.platform.kafka.EventPosition;
import dev.ticklist.platform.kafka.EventPublisher;
import dev.ticklist.platform.kafka.EventPublisher.Identified;
import dev.ticklist.platform.web.Problems;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Ticks, unticks, the other item states and evidence. The learner must be enrolled in the
 * cohort and every item must be in the cohort's checklist version; a request with one bad item
 * records nothing. Neither states nor evidence are checked against what the learner did before
 * (this service does not keep it): evidence on an item not ticked changes nothing downstream.
 */
@Service
public class TickCommands {

    public static final int MAX_ITEMS_PER_REQUEST = 500;

    private final DirectoryCommands directory;
    private final Catalog catalog;
    private final EventPublisher publisher;
    /** Each published version's item ids, made once: versions never change, and the catalog keeps them all. */
    private final Map<VersionKey, Set<String>> itemIdsByVersion = new ConcurrentHashMap<>();

    TickCommands(DirectoryCommands directory, Catalog catalog, EventPublisher publisher) {
        this.directory = directory;
        this.catalog = catalog;
        this.publisher = publisher;
    }

    public Receipt tick(String organisationId, String cohortId, String learnerId, List<String> itemIds) {
        return tick(organisationId, cohortId, learnerId, itemIds, null);
    }

    /**
     * Ticks items; with evidence, each item's tick carries it, so the milestone a tick causes
     * (a finished level) carries it too.
     *
     * @param evidence the evidence for every item ticked, or null for none
     */
    public Receipt tick(String organisationId, String cohortId, String learnerId, List<String> itemIds,
                        Evidence evidence) {
        requireBatchSize(itemIds);
        TickEvidence given = evidence == null ? null : new TickEvidence(evidence.url(), evidence.note());
        return record(organisationId, cohortId, learnerId, itemIds, (checklist, item) -> List.of(new ItemTicked(
                organisationId, cohortId, learnerId, checklist.checklistId(), checklist.version(), item, given)));
    }

    /** Sets one item's state: done, in progress, skipped (with its reason) or not started. */
    public Receipt setState(String organisationId, String cohortId, String learnerId, String itemId,
                            StateChange change) {
        return record(organisationId, cohortId, learnerId, List.of(itemId), (checklist, item) ->
                List.of(change.eventFor(organisationId, cohortId, learnerId, checklist, item)));
    }

    /**
     * Sets the states an imported list gives, in its order and in one write: any number of items,
     * all checked against the cohort's checklist.
     */
    public Receipt setStatesImported(String organisationId, String cohortId, String learnerId,
                                     SequencedMap<String, StateChange> changes) {
        return record(organisationId, cohortId, learnerId, List.copyOf(changes.sequencedKeySet()), (checklist, item) ->
                List.of(changes.get(item).eventFor(organisationId, cohortId, learnerId, checklist, item)));
    }

    /** Attaches evidence to an item, replacing what it had; whether the item is ticked is not checked. */
    public Receipt attachEvidence(String organisationId, String cohortId, String learnerId, String itemId,
                                  Evidence evidence) {
        return record(organisationId, cohortId, learnerId, List.of(itemId), (checklist, item) -> List.of(
                evidence(organisationId, cohortId, learnerId, checklist, item, evidence.url(), evidence.note())));
    }

    /** Takes an item's evidence away (evidence with neither link nor note). */
    public Receipt removeEvidence(String organisationId, String cohortId, String learnerId, String itemId) {
        return record(organisationId, cohortId, learnerId, List.of(itemId), (checklist, item) -> List.of(
                evidence(organisationId, cohortId, learnerId, checklist, item, null, null)));
    }

    private static ItemEvidenceAttached evidence(String organisationId, String cohortId, String learnerId,
                                                 ChecklistVersionPublished checklist, String item, String url,
                                                 String note) {
        return new ItemEvidenceAttached(organisationId, cohortId, learnerId, checklist.checklistId(),
                checklist.version(), item, url, note);
    }

    /** The checklist version the learner works on in this cohort. */
    public ChecklistVersionPublished checklistOf(String organisationId, String cohortId, String learnerId) {
        Ids.requireExternal("learner", learnerId);
        directory.catchUp(organisationId);
        var cohort = directory.requireCohort(organisationId, cohortId);
        if (!cohort.enrolled(learnerId)) {
            throw Problems.notFound("learner " + learnerId + " is not enrolled in cohort " + cohortId);
        }
        return versionOf(organisationId, cohort);
    }

    /** A cohort that takes ticks, with its checklist version and its learners, on state caught up. */
    public CohortChecklist checklistOfCohort(String organisationId, String cohortId) {
        directory.catchUp(organisationId);
        var cohort = directory.requireActiveCohort(organisationId, cohortId);
        return new CohortChecklist(versionOf(organisationId, cohort), cohort.learners());
    }

    private ChecklistVersionPublished versionOf(String organisationId, Directory.Cohort cohort) {
        return catalog.version(organisationId, cohort.checklistId(), cohort.checklistVersion())
                .orElseThrow(() -> Problems.notFound("checklist " + cohort.checklistId() + " v"
                        + cohort.checklistVersion() + " does not exist"));
    }

    /** A cohort's checklist version and its learners (a live view: enrolments change it). */
    public record CohortChecklist(ChecklistVersionPublished version, Set<String> learners) {
    }

    public Receipt untick(String organisationId, String cohortId, String learnerId, List<String> itemIds) {
        requireBatchSize(itemIds);
        return record(organisationId, cohortId, learnerId, itemIds, (checklist, item) -> List.of(new ItemUnticked(
                organisationId, cohortId, learnerId, checklist.checklistId(), checklist.version(), item)));
    }

    private static void requireBatchSize(List<String> itemIds) {
        if (itemIds.size() > MAX_ITEMS_PER_REQUEST) {
            throw Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "batch-too-large",
                    "at most " + MAX_ITEMS_PER_REQUEST + " items per request, not " + itemIds.size());
        }
    }

    /** Checks the learner and every item, then publishes each item's events in one write. */
    private Receipt record(String organisationId, String cohortId, String learnerId, List<String> itemIds,
                           BiFunction<ChecklistVersionPublished, String, List<LearnerActivityEvent>> eventsOf) {
        itemIds.forEach(id -> Ids.requireSlug("item", id));
        var checklist = checklistOf(organisationId, cohortId, learnerId);
        directory.requireActiveCohort(organisationId, cohortId);
        var items = new LinkedHashSet<>(itemIds);
        var known = itemIdsByVersion.computeIfAbsent(new VersionKey(checklist.checklistId(), checklist.version()),
                version -> itemsOf(checklist));
        var unknown = items.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw Problems.notFound("not in checklist " + checklist.checklistId() + " v" + checklist.version()
                    + ": " + String.join(", ", unknown));
        }
        List<Identified<LearnerActivityEvent>> events = items.stream()
                .flatMap(item -> eventsOf.apply(checklist, item).stream())
                .map(event -> new Identified<>(UUID.randomUUID().toString(), event))
                .toList();
        List<EventPosition> positions = publisher.publishAll(Topics.LEARNER_ACTIVITY, events);
        return new Receipt(cohortId, learnerId, List.copyOf(items),
                events.stream().map(Identified::id).toList(), positions.getLast().token());
    }

    /** The ids of every item of a checklist version. */
    public static Set<String> itemsOf(ChecklistVersionPublished checklist) {
        return checklist.levels().stream()
                .flatMap(level -> level.categories().stream())
                .flatMap(category -> category.items().stream())
                .map(ChecklistVersionPublished.Item::id)
                .collect(Collectors.toSet());
    }

    private record VersionKey(String checklistId, int version) {
    }

    /**
     * What a tick command recorded.
     *
     * @param eventIds the events recorded, in order: one per item
     * @param position where the last event landed; pass it to progress queries to read this write
     */
    public record Receipt(String cohortId, String learnerId, List<String> itemIds, List<String> eventIds,
                          String position) {
    }
}
