package dev.ticklist.checklist.tick;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a learner stands on an item, as the API names it. Each state is set by its own event:
 * done by {@code ItemTicked}, in progress by {@code ItemStarted}, skipped (it does not apply) by
 * {@code ItemSkipped}, not started by {@code ItemUnticked}.
 */
public enum ItemState {
    DONE("done"), IN_PROGRESS("in-progress"), SKIPPED("skipped"), NOT_STARTED("not-started");

    /** Every state's name, as a problem lists them. */
    public static final String NAMES = Arrays.stream(values()).map(ItemState::wireName)
            .collect(Collectors.joining(", "));

    private final String wireName;

    ItemState(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire: {@code done}, {@code in-progress}, {@code skipped}, {@code not-started}. */
    public String wireName() {
        return wireName;
    }

    /** The state of that wire name, exactly as written (no other case or spelling). */
    public static Optional<ItemState> named(String name) {
        return Arrays.stream(values()).filter(state -> state.wireName.equals(name)).findFirst();
    }
}
