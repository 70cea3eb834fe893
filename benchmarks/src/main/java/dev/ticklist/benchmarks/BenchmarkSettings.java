package dev.ticklist.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one run measures, from {@code --name=value} arguments.
 *
 * @param events      ItemTicked events published to the learner-activity topic
 * @param learners    learners they are spread over
 * @param timeout     how long the service may take to catch up before the run fails
 * @param serviceHeap the service's {@code -Xmx}
 * @param serviceJvmOptions further options for the service's JVM, e.g. to record a JFR profile
 * @param projectRoot the repository root, where {@code progress-service/target} is
 */
record BenchmarkSettings(int events, int learners, Duration timeout, String serviceHeap,
                         List<String> serviceJvmOptions, Path projectRoot) {

    static final String USAGE = """
            usage: java -jar benchmarks/target/benchmarks.jar [--events=200000] [--learners=2000]
                   [--timeout-minutes=15] [--service-heap=512m] [--service-jvm-option=<option>]...
            Run from the repository root (or pass -Dticklist.home=<root>).""";

    BenchmarkSettings {
        if (events < 1 || learners < 1) {
            throw new IllegalArgumentException("--events and --learners must be positive");
        }
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
    }

    static BenchmarkSettings of(String[] args) {
        int events = 200_000;
        int learners = 2_000;
        int timeoutMinutes = 15;
        String heap = "512m";
        var jvmOptions = new ArrayList<String>();
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
            } else if (arg.startsWith("--service-jvm-option=")) {
                jvmOptions.add(value);
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + "\n" + USAGE);
            }
        }
        return new BenchmarkSettings(events, learners, Duration.ofMinutes(timeoutMinutes), heap, jvmOptions,
                findProjectRoot());
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
