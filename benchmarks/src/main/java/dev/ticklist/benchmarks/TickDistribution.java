package dev.ticklist.benchmarks;

import java.util.List;

/**
 * Which learner acts next, and how many events that learner has made before. One sequence
 * serves the whole run: the live phases continue it where the rebuild's load left off, so each
 * learner goes on with its next item (there toggling it, see {@link LoadGenerator}).
 */
sealed interface TickDistribution permits RoundRobinDistribution, SessionDistribution {

    List<String> NAMES = List.of(RoundRobinDistribution.NAME, SessionDistribution.NAME);

    /**
     * @param learner   the learner, 0 to L-1
     * @param ofLearner how many events (ticks; in the live phases ticks and unticks) this learner made
     *                  before this one (its item is this mod 90)
     */
    record Tick(int learner, int ofLearner) {
    }

    Tick next();

    /** For the report: the name and what it means. */
    String describe();

    static TickDistribution of(String name, int learners) {
        return switch (name) {
            case RoundRobinDistribution.NAME -> new RoundRobinDistribution(learners);
            case SessionDistribution.NAME -> new SessionDistribution(learners);
            default -> throw new IllegalArgumentException("unknown distribution " + name + "; one of " + NAMES);
        };
    }
}
