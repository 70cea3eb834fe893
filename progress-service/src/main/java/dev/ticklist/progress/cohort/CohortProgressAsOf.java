package dev.ticklist.progress.cohort;

import dev.ticklist.progress.learner.LearnerHistory;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A cohort's progress as it stood at a past moment ({@link LearnerHistory#replayCohort}), shown as the live one is. */
public class CohortProgressAsOf {

    private final LearnerHistory history;
    private final CohortProgressQuery query;

    public CohortProgressAsOf(LearnerHistory history, CohortProgressQuery query) {
        this.history = history;
        this.query = query;
    }

    public CohortProgress find(String organisationId, String cohortId, Instant asOf) {
        var state = history.replayCohort(organisationId, cohortId, asOf);
        // The aggregates as the projection stores them, so the live view's code shows them.
        Map<Object, Object> aggregates = new HashMap<>();
        state.aggregates().forEach((field, value) -> aggregates.put(field, Long.toString(value)));
        if (state.version() != null) {
            aggregates.put("cv", state.version());
        }
        return query.view(cohortId, aggregates);
    }
}
