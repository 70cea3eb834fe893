package dev.ticklist.checklist.directory;

import dev.ticklist.platform.web.Ids;
import dev.ticklist.checklist.catalog.Catalog;
import dev.ticklist.events.Topics;
import dev.ticklist.events.catalog.CatalogEvent;
import dev.ticklist.events.directory.CohortCreated;
import dev.ticklist.events.directory.DirectoryEvent;
import dev.ticklist.events.directory.LearnerEnrolled;
import dev.ticklist.events.directory.OrganisationCreated;
import dev.ticklist.platform.kafka.EventPublisher;
import dev.ticklist.platform.kafka.EventPublisher.Identified;
import dev.ticklist.platform.kafka.TopicFollower;
import dev.ticklist.platform.web.Problems;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Service;

/**
 * Validates directory commands against state that has caught up with the organisation's
 * partition, publishes the resulting events, and waits until they are applied locally, so the
 * next command (on this instance or any other) sees them.
 */
@Service
public class DirectoryCommands {

    static final Duration CATCH_UP = Duration.ofSeconds(5);

    private final Directory directory;
    private final TopicFollower<DirectoryEvent> follower;
    private final Catalog catalog;
    private final TopicFollower<CatalogEvent> catalogFollower;
    private final EventPublisher publisher;

    DirectoryCommands(Directory directory, TopicFollower<DirectoryEvent> follower, Catalog catalog,
                      TopicFollower<CatalogEvent> catalogFollower, EventPublisher publisher) {
        this.directory = directory;
        this.follower = follower;
        this.catalog = catalog;
        this.catalogFollower = catalogFollower;
        this.publisher = publisher;
    }

    public synchronized boolean createOrganisation(String organisationId, String name) {
        catchUp(organisationId);
        if (directory.organisationExists(organisationId)) {
            return false;
        }
        publishAndApply(organisationId, List.of(new OrganisationCreated(organisationId, name)));
        return true;
    }

    public synchronized Directory.Cohort createCohort(String organisationId, String name, String checklistId) {
        Ids.requireSlug("checklist", checklistId);
        catchUp(organisationId);
        requireOrganisation(organisationId);
        await(catalogFollower, checklistId);
        var checklist = catalog.latest(organisationId, checklistId)
                .orElseThrow(() -> Problems.notFound("checklist " + checklistId + " does not exist"));
        String cohortId = Ids.generate("coh_");
        publishAndApply(organisationId, List.of(
                new CohortCreated(organisationId, cohortId, name, checklistId, checklist.version())));
        return directory.cohort(organisationId, cohortId).orElseThrow();
    }

    /** Enrols the learners not enrolled yet; returns the ones newly enrolled. */
    public synchronized List<String> enrol(String organisationId, String cohortId, List<String> learnerIds) {
        learnerIds.forEach(id -> Ids.requireExternal("learner", id));
        catchUp(organisationId);
        var cohort = requireCohort(organisationId, cohortId);
        var newcomers = new LinkedHashSet<>(learnerIds);
        newcomers.removeIf(cohort::enrolled);
        publishAndApply(organisationId, newcomers.stream()
                .<DirectoryEvent>map(learner -> new LearnerEnrolled(organisationId, cohortId, learner))
                .toList());
        return List.copyOf(newcomers);
    }

    public Directory.Cohort requireCohort(String organisationId, String cohortId) {
        Ids.requireExternal("cohort", cohortId);
        return directory.cohort(organisationId, cohortId)
                .orElseThrow(() -> Problems.notFound("cohort " + cohortId + " does not exist"));
    }

    private void requireOrganisation(String organisationId) {
        if (!directory.organisationExists(organisationId)) {
            throw Problems.notFound("organisation " + organisationId + " does not exist");
        }
    }

    /** Invariant 6: state holds every event acknowledged for this organisation before we validate. */
    public void catchUp(String organisationId) {
        await(follower, organisationId);
    }

    private static void await(TopicFollower<?> follower, String key) {
        try {
            follower.awaitCaughtUp(key, CATCH_UP);
        } catch (TimeoutException e) {
            throw Problems.unavailable("directory-lagging",
                    "the directory is still catching up with recent changes; retry in a moment");
        }
    }

    private void publishAndApply(String organisationId, List<DirectoryEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        publisher.publishAll(Topics.DIRECTORY, events.stream()
                .map(event -> new Identified<>(UUID.randomUUID().toString(), event))
                .toList());
        catchUp(organisationId);
    }
}
