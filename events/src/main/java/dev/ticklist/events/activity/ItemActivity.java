package dev.ticklist.events.activity;

/**
 * What a learner did with one item: done it, started it, skipped it, or unticked it — which
 * takes it back to not started, whatever state it was in.
 */
public sealed interface ItemActivity extends LearnerActivityEvent permits ItemTicked, ItemStarted, ItemSkipped,
        ItemUnticked {

    String itemId();

    @Override
    default String subject() {
        return "learners/" + learnerId() + "/items/" + itemId();
    }
}
