package dev.ticklist.benchmarks;

import java.util.Random;

/**
 * Learners tick in sessions, as people do: a learner drawn at random makes a run of 3 to 12
 * consecutive ticks (in the live phases, toggles), then the next session starts. Consecutive records of one learner are what a
 * batch listener can apply together, which round-robin never gives it. The seed is fixed, so
 * every run publishes the same sequence.
 */
final class SessionDistribution implements TickDistribution {

    static final String NAME = "sessions";
    static final long SEED = 20_261_123L;
    static final int SHORTEST = 3;
    static final int LONGEST = 12;

    // java.util.Random's algorithm is part of its specification: the same sequence on every JDK.
    private final Random random = new Random(SEED);
    private final int[] ticksOf;
    private int learner;
    private int leftInSession;

    SessionDistribution(int learners) {
        this.ticksOf = new int[learners];
    }

    @Override
    public Tick next() {
        if (leftInSession == 0) {
            learner = random.nextInt(ticksOf.length);
            leftInSession = SHORTEST + random.nextInt(LONGEST - SHORTEST + 1);
        }
        leftInSession--;
        return new Tick(learner, ticksOf[learner]++);
    }

    @Override
    public String describe() {
        return String.format("%s (%d–%d ticks of a random learner, seed %d)", NAME, SHORTEST, LONGEST, SEED);
    }
}
