package dev.ticklist.checklist.directory;

import dev.ticklist.platform.web.Ids;
import dev.ticklist.checklist.catalog.Catalog;
import dev.ticklist.events.Topics;
import dev.ticklist.events.activity.LearnerActivityEvent;
import dev.ticklist.events.activity.LearnerChecklistAssigned;
import dev.ticklist.events.activity.LearnerJoinedCohort;
import dev.ticklist.events.activity.LearnerLeftCohort;
import dev.ticklist.events.catalog.CatalogEvent;
import dev.ticklist.events.catalog.ChecklistVersionPublished;
import dev.ticklist.events.directory.CohortArchived;
import dev.ticklist.events.directory.CohortChecklistAssigned;
import dev.ticklist.events.directory.CohortCreated;
import dev.ticklist.events.directory.CohortRenamed;
import dev.ticklist.events.directory.DirectoryEvent;
import dev.ticklist.events.directory.LearnerEnrolled;
import dev.ticklist.events.directory.LearnerWithdrawn;
import dev.ticklist.events.directory.OrganisationCreated;
import dev.ticklist.platform.kafka.EventPublisher;
import dev.ticklist.platform.kafka.EventPublisher.Identified;
import dev.ticklist.platform.kafka.TopicFollower;
import dev.ticklist.platform.web.Problems;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * Validates directory commands against state that has caught up with the organisation's
 * partition, publishes the resulting events, and waits until they are applied locally, so the
 * next command (on this instance or any other) sees them.
 */
@Service
public class DirectoryCommands {

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

    /** A new cohort on a version of a checklist: the latest published one unless given. */
    public synchronized Directory.Cohort createCohort(String organisationId, String name, String checklistId,
                                                      Integer version) {
        catchUp(organisationId);
        requireOrganisation(organisationId);
        var checklist = publishedVersion(organisationId, checklistId, version);
        String cohortId = Ids.generate("coh_");
        publishAndApply(organisationId, List.of(
                new CohortCreated(organisationId, cohortId, name, checklistId, checklist.version())));
        return directory.cohort(organisationId, cohortId).orElseThrow();
    }

    /** Enrols the learners not enrolled yet; returns the ones newly enrolled. */
    public synchronized List<String> enrol(String organisationId, String cohortId, List<String> learnerIds) {
        learnerIds.forEach(id -> Ids.requireExternal("learner", id));
        catchUp(organisationId);
        var cohort = requireActiveCohort(organisationId, cohortId);
        var newcomers = new LinkedHashSet<>(learnerIds);
        newcomers.removeIf(cohort::enrolled);
        publishToLearners(newcomers, learner -> new LearnerJoinedCohort(organisationId, cohortId, learner,
                cohort.checklistId(), cohort.checklistVersion()));
        publishAndApply(organisationId, newcomers.stream()
                .<DirectoryEvent>map(learner -> new LearnerEnrolled(organisationId, cohortId, learner))
                .toList());
        return List.copyOf(newcomers);
    }

    /** Withdraws the learners who are enrolled; returns the ones withdrawn. */
    public synchronized List<String> withdraw(String organisationId, String cohortId, List<String> learnerIds) {
        learnerIds.forEach(id -> Ids.requireExternal("learner", id));
        catchUp(organisationId);
        var cohort = requireCohort(organisationId, cohortId);
        var leaving = new LinkedHashSet<>(learnerIds);
        leaving.removeIf(learner -> !cohort.enrolled(learner));
        publishToLearners(leaving, learner -> new LearnerLeftCohort(organisationId, cohortId, learner,
                cohort.checklistId(), cohort.checklistVersion()));
        publishAndApply(organisationId, leaving.stream()
                .<DirectoryEvent>map(learner -> new LearnerWithdrawn(organisationId, cohortId, learner))
                .toList());
        return List.copyOf(leaving);
    }

    public synchronized Directory.Cohort rename(String organisationId, String cohortId, String name) {
        catchUp(organisationId);
        var cohort = requireActiveCohort(organisationId, cohortId);
        if (!cohort.name().equals(name)) {
            publishAndApply(organisationId, List.of(new CohortRenamed(organisationId, cohortId, name)));
        }
        return requireCohort(organisationId, cohortId);
    }

    /** Archiving is final; archiving an archived cohort changes nothing. */
    public synchronized Directory.Cohort archive(String organisationId, String cohortId) {
        catchUp(organisationId);
        var cohort = requireCohort(organisationId, cohortId);
        if (!cohort.archived()) {
            publishAndApply(organisationId, List.of(new CohortArchived(organisationId, cohortId)));
        }
        return requireCohort(organisationId, cohortId);
    }

    /**
     * Assigns a checklist version to the cohort, or moves it to a newer one; ticks on items that
     * exist in both stay ticked. Going back to an older version of the same checklist is refused.
     */
    public synchronized Directory.Cohort assign(String organisationId, String cohortId, String checklistId,
                                                Integer version) {
        catchUp(organisationId);
        var cohort = requireActiveCohort(organisationId, cohortId);
        var target = publishedVersion(organisationId, checklistId, version);
        if (target.checklistId().equals(cohort.checklistId()) && target.version() < cohort.checklistVersion()) {
            throw Problems.conflict("older-version", "cohort " + cohortId + " is on v" + cohort.checklistVersion()
                    + "; a cohort only moves to newer versions");
        }
        if (!target.checklistId().equals(cohort.checklistId()) || target.version() != cohort.checklistVersion()) {
            publishToLearners(new TreeSet<>(cohort.learners()), learner -> new LearnerChecklistAssigned(
                    organisationId, cohortId, learner, target.checklistId(), target.version(),
                    cohort.checklistId(), cohort.checklistVersion()));
            publishAndApply(organisationId, List.of(new CohortChecklistAssigned(organisationId, cohortId,
                    target.checklistId(), target.version())));
        }
        return requireCohort(organisationId, cohortId);
    }

    /** A cohort that takes changes: archived cohorts are read-only (409). */
    public Directory.Cohort requireActiveCohort(String organisationId, String cohortId) {
        var cohort = requireCohort(organisationId, cohortId);
        if (cohort.archived()) {
            throw Problems.conflict("cohort-archived", "cohort " + cohortId + " is archived and takes no changes");
        }
        return cohort;
    }

    public Directory.Cohort requireCohort(String organisationId, String cohortId) {
        Ids.requireExternal("cohort", cohortId);
        return directory.cohort(organisationId, cohortId)
                .orElseThrow(() -> Problems.notFound("cohort " + cohortId + " does not exist"));
    }

    private ChecklistVersionPublished publishedVersion(String organisationId, String checklistId, Integer version) {
        Ids.requireSlug("checklist", checklistId);
        catalogFollower.catchUp(checklistId);
        return (version == null ? catalog.latest(organisationId, checklistId)
                : catalog.version(organisationId, checklistId, version))
                .orElseThrow(() -> Problems.notFound("checklist " + checklistId
                        + (version == null ? " has no published version" : " has no version " + version)));
    }

    private void requireOrganisation(String organisationId) {
        if (!directory.organisationExists(organisationId)) {
            throw Problems.notFound("organisation " + organisationId + " does not exist");
        }
    }

    /** Invariant 6: state holds every event acknowledged for this organisation before we validate. */
    public void catchUp(String organisationId) {
        follower.catchUp(organisationId);
    }

    /**
     * Events in the learners' own streams go first, the directory's last: a retry after a failure
     * in between publishes them again, which progress applies as the same fact.
     */
    private void publishToLearners(Collection<String> learners, Function<String, LearnerActivityEvent> event) {
        if (!learners.isEmpty()) {
            publisher.publishAll(Topics.LEARNER_ACTIVITY, learners.stream()
                    .map(learner -> new Identified<>(UUID.randomUUID().toString(), event.apply(learner)))
                    .toList());
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
