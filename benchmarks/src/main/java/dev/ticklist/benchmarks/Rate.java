package dev.ticklist.benchmarks;

/** A count over a measured span of time. */
record Rate(long count, long nanos) {

    static Rate since(long count, long startNanos) {
        return new Rate(count, System.nanoTime() - startNanos);
    }

    double perSecond() {
        return nanos == 0 ? 0 : count * 1e9 / nanos;
    }

    double seconds() {
        return nanos / 1e9;
    }

    @Override
    public String toString() {
        return String.format("%,.0f/s (%,d in %.2f s)", perSecond(), count, seconds());
    }
}
