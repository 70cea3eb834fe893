package dev.ticklist.benchmarks;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything the run started, stopped in reverse order exactly once: at the end of the run,
 * on failure, or from a shutdown hook on Ctrl-C (the service and Redis are child processes
 * that would otherwise outlive this JVM).
 */
final class StartedResources implements AutoCloseable {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Thread hook = new Thread(this::closeAll, "benchmark-cleanup");

    StartedResources() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** A benchmark mode's run: everything it starts goes into {@code started}. */
    @FunctionalInterface
    interface Run {
        void run(StartedResources started) throws Exception;
    }

    /**
     * Runs a mode and exits the JVM: 0 once it ended, 1 (with the reason) if it failed; either
     * way what it started is stopped first. Exiting ends the broker's and clients' threads.
     */
    static void runAndExit(Run run) {
        try (var started = new StartedResources()) {
            run.run(started);
        } catch (Exception e) {
            System.err.println("benchmark failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    synchronized <T extends AutoCloseable> T add(T resource) {
        started.push(resource);
        return resource;
    }

    @Override
    public void close() {
        closeAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDownAlready) {
            // the hook is running or has run
        }
    }

    private synchronized void closeAll() {
        while (!started.isEmpty()) {
            var resource = started.pop();
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("could not stop " + resource + ": " + e);
            }
        }
    }
}
