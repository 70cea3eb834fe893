package dev.ticklist.checklist.tick;

import dev.ticklist.events.activity.ItemActivity;
import dev.ticklist.events.activity.ItemSkipped;
import dev.ticklist.events.activity.ItemStarted;
import dev.ticklist.events.activity.ItemTicked;
import dev.ticklist.events.activity.ItemUnticked;
import dev.ticklist.events.catalog.ChecklistVersionPublished;
import dev.ticklist.platform.web.Problems;
import java.util.Objects;

/**
 * A state to set an item to, checked as given: a reason goes with {@link ItemState#SKIPPED} only,
 * and follows {@link SkipReason}. Anything else is a 400 problem ({@code bad-skip-reason}) and
 * nothing is recorded.
 *
 * @param reason why the item is skipped, or null
 */
public record StateChange(ItemState state, String reason) {

    public StateChange {
        Objects.requireNonNull(state, "state");
        if (reason != null && state != ItemState.SKIPPED) {
            throw Problems.invalid("bad-skip-reason", "a reason goes only with the state skipped, not "
                    + state.wireName() + ": leave it out");
        }
        SkipReason.problemIn(reason).ifPresent(problem -> {
            throw Problems.invalid("bad-skip-reason", "reason " + problem);
        });
    }

    public static StateChange to(ItemState state) {
        return new StateChange(state, null);
    }

    /** The event that records this change for one item of the learner's checklist version. */
    public ItemActivity eventFor(String organisationId, String cohortId, String learnerId,
                                 ChecklistVersionPublished checklist, String itemId) {
        String checklistId = checklist.checklistId();
        int version = checklist.version();
        return switch (state) {
            case DONE -> new ItemTicked(organisationId, cohortId, learnerId, checklistId, version, itemId);
            case IN_PROGRESS -> new ItemStarted(organisationId, cohortId, learnerId, checklistId, version, itemId);
            case SKIPPED -> new ItemSkipped(organisationId, cohortId, learnerId, checklistId, version, itemId, reason);
            case NOT_STARTED -> new ItemUnticked(organisationId, cohortId, learnerId, checklistId, version, itemId);
        };
    }
}
