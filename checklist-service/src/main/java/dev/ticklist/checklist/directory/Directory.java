package dev.ticklist.checklist.directory;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.directory.CohortCreated;
import dev.ticklist.events.directory.DirectoryEvent;
import dev.ticklist.events.directory.LearnerEnrolled;
import dev.ticklist.events.directory.OrganisationCreated;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Organisations, their cohorts and enrolments, as folded from the directory topic. */
public class Directory {

    private final Map<String, OrganisationCreated> organisations = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Cohort>> cohortsByOrganisation = new ConcurrentHashMap<>();

    public void apply(EventEnvelope<DirectoryEvent> envelope) {
        switch (envelope.event()) {
            case OrganisationCreated created -> organisations.putIfAbsent(created.organisationId(), created);
            case CohortCreated created -> cohortsOf(created.organisationId()).putIfAbsent(created.cohortId(),
                    new Cohort(created.cohortId(), created.name(), created.checklistId(), created.checklistVersion(),
                            ConcurrentHashMap.newKeySet()));
            case LearnerEnrolled enrolled -> cohort(enrolled.organisationId(), enrolled.cohortId())
                    .ifPresent(cohort -> cohort.learners().add(enrolled.learnerId()));
        }
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

    private Map<String, Cohort> cohortsOf(String organisationId) {
        return cohortsByOrganisation.computeIfAbsent(organisationId, id -> new ConcurrentHashMap<>());
    }

    /** A cohort and the learners enrolled in it. The learner set is only ever written by {@link #apply}. */
    public record Cohort(String id, String name, String checklistId, int checklistVersion, Set<String> learners) {

        public boolean enrolled(String learnerId) {
            return learners.contains(learnerId);
        }
    }
}
