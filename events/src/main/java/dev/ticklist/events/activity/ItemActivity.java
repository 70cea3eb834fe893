package dev.ticklist.events.activity;

/** A learner ticked or unticked one item. */
public sealed interface ItemActivity extends LearnerActivityEvent permits ItemTicked, ItemUnticked {

    String itemId();

    @Override
    default String subject() {
        return "learners/" + learnerId() + "/items/" + itemId();
    }
}
