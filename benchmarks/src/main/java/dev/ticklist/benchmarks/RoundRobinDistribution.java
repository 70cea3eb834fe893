package dev.ticklist.benchmarks;

/** Event n goes to learner n mod L, so every learner's ticks are spread evenly over the topic. */
final class RoundRobinDistribution implements TickDistribution {

    static final String NAME = "round-robin";

    private final int learners;
    private long n;

    RoundRobinDistribution(int learners) {
        this.learners = learners;
    }

    @Override
    public Tick next() {
        long tick = n++;
        return new Tick((int) (tick % learners), (int) (tick / learners));
    }

    @Override
    public String describe() {
        return NAME + " (event n to learner n mod L)";
    }
}
