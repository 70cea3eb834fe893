package dev.ticklist.progress.learner;

import dev.ticklist.progress.catalog.ChecklistStructures;
import dev.ticklist.progress.model.ChecklistVersions;
import java.time.Instant;
import java.util.List;

/** A learner's progress in one cohort as it stood at a past moment ({@link LearnerHistory}), shown as the live one is. */
public class LearnerProgressAsOf {

    private final LearnerHistory history;
    private final ChecklistStructures structures;

    public LearnerProgressAsOf(LearnerHistory history, ChecklistStructures structures) {
        this.history = history;
        this.structures = structures;
    }

    public LearnerProgress findIn(String organisationId, String learnerId, String cohortId, Instant asOf) {
        var state = history.replay(organisationId, learnerId, asOf);
        String version = state.memberships().get(cohortId);
        if (version == null) {
            return new LearnerProgress(learnerId, true, List.of());
        }
        ChecklistVersions versions = structures::require;
        var structure = versions.of(version);
        var progress = state.version(version, structure);
        return new LearnerProgress(learnerId, true, List.of(
                ChecklistProgressView.of(structure, cohortId, progress)));
    }
}
