package dev.ticklist.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What one run measures, from {@code --name=value} arguments.
 *
 * @param events      ItemTicked events published to the learner-activity topic
 * @param learners    learners they are spread over
 * @param timeout     how long the service may take to catch up before the run fails
 * @param serviceHeap the service's {@code -Xmx}
 * @param projectRoot the repository root, where {@code progress-service/target} is
 */
record BenchmarkSettings(int events, int learners, Duration timeout, String serviceHeap, Path projectRoot) {

    static final String USAGE = """
            usage: java -jar benchmarks/target/benchmarks.jar [--events=200000] [--learners=2000]
                   [--timeout-minutes=15] [--service-heap=512m]
            Run from the repository root (or pass -Dticklist.home=<root>).""";

    BenchmarkSettings {
        if (events < 1 || learners < 1) {
            throw new IllegalArgumentException("--events and --learners must be positive");
        }
    }

    static BenchmarkSettings of(String[] args) {
        int events = 200_000;
        int learners = 2_000;
        int timeoutMinutes = 15;
        String heap = "512m";
        for (String arg : args) {
            String value = arg.substring(arg.indexOf('=') + 1);
            if (arg.startsWith("--events=")) {
                events = Integer.parseInt(value);
            } else if (arg.startsWith("--learners=")) {
                learners = Integer.parseInt(value);
            } else if (arg.startsWith("--timeout-minutes=")) {
                timeoutMinutes = Integer.parseInt(value);
            } else if (arg.startsWith("--service-heap=")) {
                heap = value;
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + "\n" + USAGE);
            }
        }
        return new BenchmarkSettings(events, learners, Duration.ofMinutes(timeoutMinutes), heap, findProjectRoot());
    }

    /** The repository root: the folder with the root pom and the service modules. */
    private static Path findProjectRoot() {
        String configured = System.getProperty("ticklist.home");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("progress-service")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from the Ticklist repository (or set -Dticklist.home)\n" + USAGE);
    }
}
