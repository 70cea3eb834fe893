package dev.ticklist.progress.model;

/**
 * Where a learner stands with one item. Done counts towards its level; in progress and not
 * started do not; skipped leaves the level's count of items to do and never counts as done.
 * Stored, for items in progress or skipped only, as {@code started}, {@code skipped} or
 * {@code skipped:<reason>}.
 *
 * @param reason why an item was skipped, or null
 */
public record ItemState(Kind kind, String reason) {

    public enum Kind {
        NOT_STARTED("not-started"), IN_PROGRESS("in-progress"), DONE("done"), SKIPPED("skipped");

        private final String apiName;

        Kind(String apiName) {
            this.apiName = apiName;
        }

        /** As the API and the cohort stream name it. */
        public String apiName() {
            return apiName;
        }
    }

    public static final ItemState NOT_STARTED = new ItemState(Kind.NOT_STARTED, null);
    public static final ItemState IN_PROGRESS = new ItemState(Kind.IN_PROGRESS, null);
    public static final ItemState DONE = new ItemState(Kind.DONE, null);

    private static final String STARTED_STORED = "started";
    private static final String SKIPPED_STORED = "skipped";

    /** @param reason why, or null; an empty reason is none */
    public static ItemState skipped(String reason) {
        return new ItemState(Kind.SKIPPED, reason == null || reason.isEmpty() ? null : reason);
    }

    public boolean isSkipped() {
        return kind == Kind.SKIPPED;
    }

    /** As stored; only items in progress or skipped are. */
    public String encoded() {
        return switch (kind) {
            case IN_PROGRESS -> STARTED_STORED;
            case SKIPPED -> reason == null ? SKIPPED_STORED : SKIPPED_STORED + ":" + reason;
            default -> throw new IllegalStateException("only items in progress or skipped are stored: " + kind);
        };
    }

    /** A stored state, or null for one this version does not know. */
    public static ItemState decode(String stored) {
        if (stored.equals(STARTED_STORED)) {
            return IN_PROGRESS;
        }
        if (stored.equals(SKIPPED_STORED)) {
            return skipped(null);
        }
        if (stored.startsWith(SKIPPED_STORED + ":")) {
            return skipped(stored.substring(SKIPPED_STORED.length() + 1));
        }
        return null;
    }
}
