package dev.ticklist.progress.model;

import java.util.ArrayList;
import java.util.List;

/** What applying one event to a learner caused: milestones, and changes for the cohorts they are in. */
public record LearnerEffects(List<CausedMilestone> milestones, List<MemberChange> changes) {

    static LearnerEffects none() {
        return new LearnerEffects(new ArrayList<>(0), new ArrayList<>(0));
    }

    public boolean isEmpty() {
        return milestones.isEmpty() && changes.isEmpty();
    }
}
