package dev.ticklist.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one run measures, from {@code --name=value} arguments.
 *
 * @param events      ItemTicked events published to the learner-activity topic
 * @param learners    learners they are spread over
 * @param distribution how ticks are spread over the learners: a {@link TickDistribution} name
 * @param timeout     how long the service may take to catch up before the run fails; also the
 *                    bound on each live phase's catch-up
 * @param serviceHeap the service's {@code -Xmx}
 * @param serviceJvmOptions further options for the service's JVM, e.g. to record a JFR profile
 * @param projectRoot the repository root, where {@code progress-service/target} is
 * @param liveRates   events (ticks and unticks) per second of each live phase after the rebuild, in
 *                    order; empty for none
 * @param liveLength  how long each live phase publishes; zero for none
 */
record BenchmarkSettings(int events, int learners, String distribution, Duration timeout, String serviceHeap,
                         List<String> serviceJvmOptions, Path projectRoot, List<Integer> liveRates,
                         Duration liveLength) {

    static final String USAGE = """
            usage: java -jar benchmarks/target/benchmarks.jar [--events=200000] [--learners=2000]
                   [--distribution=round-robin|sessions] [--live-rates=2000,50000] [--live-seconds=20]
                   [--timeout-minutes=15] [--service-heap=512m] [--service-jvm-option=<option>]...
            Run from the repository root (or pass -Dticklist.home=<root>).""";

    BenchmarkSettings {
        if (events < 1 || learners < 1) {
            throw new IllegalArgumentException("--events and --learners must be positive");
        }
        if (!TickDistribution.NAMES.contains(distribution)) {
            throw new IllegalArgumentException("--distribution must be one of " + TickDistribution.NAMES);
        }
        if (liveRates.stream().anyMatch(rate -> rate < 1) || liveLength.isNegative()) {
            throw new IllegalArgumentException("--live-rates must be positive, --live-seconds not negative");
        }
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        liveRates = List.copyOf(liveRates);
    }

    /** The rates of the live phases to run: none when either setting turned them off. */
    List<Integer> livePhases() {
        return liveLength.isZero() ? List.of() : liveRates;
    }

    static BenchmarkSettings of(String[] args) {
        int events = 200_000;
        int learners = 2_000;
        int timeoutMinutes = 15;
        String distribution = RoundRobinDistribution.NAME;
        String heap = "512m";
        var jvmOptions = new ArrayList<String>();
        List<Integer> liveRates = List.of(2_000, 50_000);
        int liveSeconds = 20;
        for (String arg : args) {
            String value = arg.substring(arg.indexOf('=') + 1);
            if (arg.startsWith("--events=")) {
                events = Integer.parseInt(value);
            } else if (arg.startsWith("--learners=")) {
                learners = Integer.parseInt(value);
            } else if (arg.startsWith("--distribution=")) {
                distribution = value;
            } else if (arg.startsWith("--live-rates=")) {
                liveRates = value.isBlank() ? List.of()
                        : Arrays.stream(value.split(",")).map(String::strip).map(Integer::valueOf).toList();
            } else if (arg.startsWith("--live-seconds=")) {
                liveSeconds = Integer.parseInt(value);
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
        return new BenchmarkSettings(events, learners, distribution, Duration.ofMinutes(timeoutMinutes), heap,
                jvmOptions, findProjectRoot(), liveRates, Duration.ofSeconds(liveSeconds));
    }

    /** The repository root: the folder with the root pom and the service modules. */
    static Path findProjectRoot() {
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
