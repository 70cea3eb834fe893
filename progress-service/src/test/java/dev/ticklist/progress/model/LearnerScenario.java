package dev.ticklist.progress.model;

import static dev.ticklist.progress.model.Checklists.ORG;
import static dev.ticklist.progress.model.Checklists.TEA;
import static dev.ticklist.progress.model.Checklists.VERSIONS;

import dev.ticklist.events.activity.ItemEvidenceAttached;
import dev.ticklist.events.activity.ItemTicked;
import dev.ticklist.events.activity.ItemUnticked;
import dev.ticklist.events.activity.LearnerActivityEvent;
import dev.ticklist.events.activity.LearnerChecklistAssigned;
import dev.ticklist.events.activity.LearnerJoinedCohort;
import dev.ticklist.events.activity.LearnerLeftCohort;
import dev.ticklist.events.milestone.MilestoneEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * Given events, when an event, then the state and what it caused: learner "ada" on the "tea"
 * checklist. Events get growing offsets from 101, an hour apart from {@link #START}, and the id
 * {@code evt-<offset>}. The state is flushed after the given events, so "then" shows only what
 * the events after them did.
 */
final class LearnerScenario {

    static final String LEARNER = "ada";
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private final LearnerState state = LearnerState.empty(ORG, LEARNER);
    private long offset = 100;

    static LearnerScenario given(LearnerActivityEvent... events) {
        var scenario = new LearnerScenario();
        for (var event : events) {
            scenario.when(event);
        }
        scenario.state.flushed();
        return scenario;
    }

    Then when(LearnerActivityEvent event) {
        return when(START.plus(Duration.ofHours(offset + 1 - 100)), event);
    }

    Then when(Instant time, LearnerActivityEvent event) {
        offset++;
        return when(new LearnerActivity("evt-" + offset, 0, offset, time, event));
    }

    /** Applies an activity as it is, e.g. one delivered again. */
    Then when(LearnerActivity activity) {
        return new Then(activity, LearnerModel.apply(state, activity, VERSIONS), state);
    }

    LearnerState state() {
        return state;
    }

    /** What one event did. */
    record Then(LearnerActivity activity, LearnerEffects effects, LearnerState state) {

        long time() {
            return activity.time().toEpochMilli();
        }

        List<MilestoneEvent> milestones() {
            return effects.milestones().stream().map(CausedMilestone::event).toList();
        }

        List<String> milestoneIds() {
            return effects.milestones().stream().map(CausedMilestone::id).toList();
        }

        /** The member changes, each as {@code "<cohort> <kind> <checklist@version> [<item>] [<standing>]"}. */
        List<String> changes() {
            return effects.changes().stream().map(Then::describe).toList();
        }

        VersionProgress progress(int version) {
            return state.versions().get(ChecklistVersions.key(TEA, version));
        }

        static String describe(MemberChange change) {
            return change.cohortId() + " " + change.kind() + " "
                    + ChecklistVersions.key(change.checklistId(), change.checklistVersion())
                    + (change.itemId() == null ? "" : " " + change.itemId())
                    + (change.standing() == null ? "" : " " + new TreeSet<>(change.standing().done())
                    + (change.standing().started().isEmpty() ? "" : " started " + new TreeSet<>(change.standing().started()))
                    + (change.standing().skipped().isEmpty() ? "" : " skipped " + new TreeSet<>(change.standing().skipped())));
        }
    }

    static LearnerActivityEvent tick(String cohort, String item) {
        return tick(cohort, 1, item);
    }

    static LearnerActivityEvent tick(String cohort, int version, String item) {
        return new ItemTicked(ORG, cohort, LEARNER, TEA, version, item);
    }

    static LearnerActivityEvent untick(String cohort, String item) {
        return untick(cohort, 1, item);
    }

    static LearnerActivityEvent untick(String cohort, int version, String item) {
        return new ItemUnticked(ORG, cohort, LEARNER, TEA, version, item);
    }

    static LearnerActivityEvent evidence(String cohort, String item, String url, String note) {
        return new ItemEvidenceAttached(ORG, cohort, LEARNER, TEA, 1, item, url, note);
    }

    static LearnerActivityEvent join(String cohort, int version) {
        return new LearnerJoinedCohort(ORG, cohort, LEARNER, TEA, version);
    }

    static LearnerActivityEvent leave(String cohort, int version) {
        return new LearnerLeftCohort(ORG, cohort, LEARNER, TEA, version);
    }

    static LearnerActivityEvent move(String cohort, int from, int to) {
        return new LearnerChecklistAssigned(ORG, cohort, LEARNER, TEA, to, TEA, from);
    }
}
