package dev.ticklist.checklist.directory;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.directory.CohortArchived;
import dev.ticklist.events.directory.CohortChecklistAssigned;
import dev.ticklist.events.directory.CohortCreated;
import dev.ticklist.events.directory.CohortRenamed;
import dev.ticklist.events.directory.DirectoryEvent;
import dev.ticklist.events.directory.LearnerEnrolled;
import dev.ticklist.events.directory.LearnerWithdrawn;
import dev.ticklist.events.directory.OrganisationCreated;
import dev.ticklist.platform.kafka.SnapshotState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Organisations, their cohorts and enrolments, as folded from the directory topic. */
public class Directory implements SnapshotState<DirectoryEvent> {

    private final Map<String, OrganisationCreated> organisations = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Cohort>> cohortsByOrganisation = new ConcurrentHashMap<>();

    @Override
    public void apply(EventEnvelope<DirectoryEvent> envelope) {
        switch (envelope.event()) {
            case OrganisationCreated created -> organisations.putIfAbsent(created.organisationId(), created);
            case CohortCreated created -> cohortsOf(created.organisationId()).putIfAbsent(created.cohortId(),
                    new Cohort(created.cohortId(), created.name(), created.checklistId(), created.checklistVersion(),
                            false, ConcurrentHashMap.newKeySet()));
            case CohortRenamed renamed -> update(renamed.organisationId(), renamed.cohortId(),
                    cohort -> cohort.withName(renamed.name()));
            case CohortArchived archived -> update(archived.organisationId(), archived.cohortId(), Cohort::archive);
            case CohortChecklistAssigned assigned -> update(assigned.organisationId(), assigned.cohortId(),
                    cohort -> cohort.withChecklist(assigned.checklistId(), assigned.checklistVersion()));
            case LearnerEnrolled enrolled -> cohort(enrolled.organisationId(), enrolled.cohortId())
                    .ifPresent(cohort -> cohort.learners().add(enrolled.learnerId()));
            case LearnerWithdrawn withdrawn -> cohort(withdrawn.organisationId(), withdrawn.cohortId())
                    .ifPresent(cohort -> cohort.learners().remove(withdrawn.learnerId()));
        }
    }

    /** Each organisation, then each of its cohorts as it stands now, archived or not, and its learners. */
    @Override
    public List<DirectoryEvent> asEvents() {
        var events = new ArrayList<DirectoryEvent>();
        events.addAll(organisations.values());
        cohortsByOrganisation.forEach((organisationId, cohorts) -> cohorts.values().forEach(cohort -> {
            events.add(new CohortCreated(organisationId, cohort.id(), cohort.name(), cohort.checklistId(),
                    cohort.checklistVersion()));
            if (cohort.archived()) {
                events.add(new CohortArchived(organisationId, cohort.id()));
            }
            cohort.learners().forEach(learnerId -> events.add(new LearnerEnrolled(organisationId, cohort.id(), learnerId)));
        }));
        return events;
    }

    @Override
    public void clear() {
        organisations.clear();
        cohortsByOrganisation.clear();
    }

    public boolean organisationExists(String organisationId) {
        return organisations.containsKey(organisationId);
    }

    public Optional<Cohort> cohort(String organisationId, String cohortId) {
        return Optional.ofNullable(cohortsOf(organisationId).get(cohortId));
    }

    public List<Cohort> cohorts(String organisationId) {
        return cohortsOf(organisationId).values().stream().sorted(Comparator.comparing(Cohort::name)).toList();
    }

    private void update(String organisationId, String cohortId, UnaryOperator<Cohort> change) {
        cohortsOf(organisationId).computeIfPresent(cohortId, (id, cohort) -> change.apply(cohort));
    }

    private Map<String, Cohort> cohortsOf(String organisationId) {
        return cohortsByOrganisation.computeIfAbsent(organisationId, id -> new ConcurrentHashMap<>());
    }

    /** A cohort and the learners enrolled in it. The learner set is only ever written by {@link #apply}. */
    public record Cohort(String id, String name, String checklistId, int checklistVersion, boolean archived,
                         Set<String> learners) {

        public boolean enrolled(String learnerId) {
            return learners.contains(learnerId);
        }

        Cohort withName(String newName) {
            return new Cohort(id, newName, checklistId, checklistVersion, archived, learners);
        }

        Cohort withChecklist(String newChecklistId, int newVersion) {
            return new Cohort(id, name, newChecklistId, newVersion, archived, learners);
        }

        Cohort archive() {
            return new Cohort(id, name, checklistId, checklistVersion, true, learners);
        }
    }
}
