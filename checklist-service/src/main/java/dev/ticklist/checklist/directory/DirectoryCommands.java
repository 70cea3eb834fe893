package dev.ticklist.checklist.directory;

import dev.ticklist.platform.web.Ids;
import dev.ticklist.checklist.catalog.Catalog;
import dev.ticklist.events.TicklistEvent;
import dev.ticklist.events.Topics;
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
import dev.ticklist.platform.kafka.AggregateWriters;
import dev.ticklist.platform.kafka.AggregateWriters.Decision;
import dev.ticklist.platform.kafka.EventPublisher.Identified;
import dev.ticklist.platform.kafka.TopicFollower;
import dev.ticklist.platform.web.Problems;
import java.util.Collection;
import java.util.UUID;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * Decides directory commands as the one writer of the organisation's directory partition
 * ({@link AggregateWriters}: Kafka transactions with fencing, so two instances never decide on
 * the same organisation at once), on state that has caught up with that partition, and answers
 * once the command's events are applied here, so the next command (on this instance or any
 * other) sees them. A command's events — the directory's and the learners' — commit together.
 */
@Service
public class DirectoryCommands {

    private final Directory directory;
    private final TopicFollower<DirectoryEvent> follower;
    private final Catalog catalog;
    private final TopicFollower<CatalogEvent> catalogFollower;
    private final AggregateWriters writers;

    DirectoryCommands(Directory directory, TopicFollower<DirectoryEvent> follower, Catalog catalog,
                      TopicFollower<CatalogEvent> catalogFollower, AggregateWriters writers) {
        this.directory = directory;
        this.follower = follower;
        this.catalog = catalog;
        this.catalogFollower = catalogFollower;
        this.writers = writers;
    }

    public boolean createOrganisation(String organisationId, String name) {
        return decide(organisationId, decision -> {
            if (directory.organisationExists(organisationId)) {
                return false;
            }
            decision.add(Topics.DIRECTORY, new OrganisationCreated(organisationId, name));
            return true;
        });
    }

    /** A new cohort on a version of a checklist: the latest published one unless given. */
    public Directory.Cohort createCohort(String organisationId, String name, String checklistId, Integer version) {
        String cohortId = decide(organisationId, decision -> {
            requireOrganisation(organisationId);
            var checklist = publishedVersion(organisationId, checklistId, version);
            String id = Ids.generate("coh_");
            decision.add(Topics.DIRECTORY, new CohortCreated(organisationId, id, name, checklistId, checklist.version()));
            return id;
        });
        return directory.cohort(organisationId, cohortId).orElseThrow();
    }

    /** Enrols the learners not enrolled yet; returns the ones newly enrolled. */
    public List<String> enrol(String organisationId, String cohortId, List<String> learnerIds) {
        learnerIds.forEach(id -> Ids.requireExternal("learner", id));
        return decide(organisationId, decision -> {
            var cohort = requireActiveCohort(organisationId, cohortId);
            var newcomers = new LinkedHashSet<>(learnerIds);
            newcomers.removeIf(cohort::enrolled);
            decision.addAll(Topics.LEARNER_ACTIVITY, fresh(newcomers, learner -> new LearnerJoinedCohort(
                    organisationId, cohortId, learner, cohort.checklistId(), cohort.checklistVersion())));
            decision.addAll(Topics.DIRECTORY, fresh(newcomers,
                    learner -> new LearnerEnrolled(organisationId, cohortId, learner)));
            return List.copyOf(newcomers);
        });
    }

    /** Withdraws the learners who are enrolled; returns the ones withdrawn. */
    public List<String> withdraw(String organisationId, String cohortId, List<String> learnerIds) {
        learnerIds.forEach(id -> Ids.requireExternal("learner", id));
        return decide(organisationId, decision -> {
            var cohort = requireCohort(organisationId, cohortId);
            var leaving = new LinkedHashSet<>(learnerIds);
            leaving.removeIf(learner -> !cohort.enrolled(learner));
            decision.addAll(Topics.LEARNER_ACTIVITY, fresh(leaving, learner -> new LearnerLeftCohort(
                    organisationId, cohortId, learner, cohort.checklistId(), cohort.checklistVersion())));
            decision.addAll(Topics.DIRECTORY, fresh(leaving,
                    learner -> new LearnerWithdrawn(organisationId, cohortId, learner)));
            return List.copyOf(leaving);
        });
    }

    public Directory.Cohort rename(String organisationId, String cohortId, String name) {
        decide(organisationId, decision -> {
            var cohort = requireActiveCohort(organisationId, cohortId);
            if (!cohort.name().equals(name)) {
                decision.add(Topics.DIRECTORY, new CohortRenamed(organisationId, cohortId, name));
            }
            return null;
        });
        return requireCohort(organisationId, cohortId);
    }

    /** Archiving is final; archiving an archived cohort changes nothing. */
    public Directory.Cohort archive(String organisationId, String cohortId) {
        decide(organisationId, decision -> {
            if (!requireCohort(organisationId, cohortId).archived()) {
                decision.add(Topics.DIRECTORY, new CohortArchived(organisationId, cohortId));
            }
            return null;
        });
        return requireCohort(organisationId, cohortId);
    }

    /**
     * Assigns a checklist version to the cohort, or moves it to a newer one; ticks on items that
     * exist in both stay ticked. Going back to an older version of the same checklist is refused.
     */
    public Directory.Cohort assign(String organisationId, String cohortId, String checklistId, Integer version) {
        decide(organisationId, decision -> {
            var cohort = requireActiveCohort(organisationId, cohortId);
            var target = publishedVersion(organisationId, checklistId, version);
            if (target.checklistId().equals(cohort.checklistId()) && target.version() < cohort.checklistVersion()) {
                throw Problems.conflict("older-version", "cohort " + cohortId + " is on v"
                        + cohort.checklistVersion() + "; a cohort only moves to newer versions");
            }
            if (!target.checklistId().equals(cohort.checklistId()) || target.version() != cohort.checklistVersion()) {
                decision.addAll(Topics.LEARNER_ACTIVITY, fresh(new TreeSet<>(cohort.learners()),
                        learner -> new LearnerChecklistAssigned(organisationId, cohortId, learner,
                                target.checklistId(), target.version(), cohort.checklistId(),
                                cohort.checklistVersion())));
                decision.add(Topics.DIRECTORY, new CohortChecklistAssigned(organisationId, cohortId,
                        target.checklistId(), target.version()));
            }
            return null;
        });
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

    /** Decides as the one writer of the partition, on state caught up with it (see {@link AggregateWriters}). */
    private <T> T decide(String organisationId, Function<Decision, T> command) {
        return writers.decide(follower, organisationId, command);
    }

    private static <E extends TicklistEvent> List<Identified<E>> fresh(
            Collection<String> learners, Function<String, E> event) {
        return learners.stream().map(learner -> new Identified<>(UUID.randomUUID().toString(), event.apply(learner)))
                .toList();
    }
}
