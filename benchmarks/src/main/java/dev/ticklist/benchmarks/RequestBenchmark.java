package dev.ticklist.benchmarks;

import static dev.ticklist.benchmarks.Benchmark.say;

import dev.ticklist.testsupport.local.FreePorts;
import dev.ticklist.testsupport.local.LocalKafkaBroker;
import dev.ticklist.testsupport.local.LocalRedisServer;
import dev.ticklist.testsupport.process.ServiceProcess;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Single ticks ({@code POST /api/v1/cohorts/{id}/learners/{learnerId}/ticks}, one item) as fast
 * as {@code --clients} concurrent clients can send them: through the gateway, straight to
 * checklist-service, and — the reference of the same run — through a bare Spring Cloud Gateway
 * (one route, nothing else) to a no-op Spring MVC endpoint of the same shape. Each target gets a
 * warm-up, then a measured span; rates, latency percentiles (HdrHistogram) and CPU per request of
 * every process.
 *
 * <p>After that first pass, {@code --rounds} - 1 more rounds measure the reference and the ticks
 * through the gateway again, one after the other, so a slower minute of the machine falls on both
 * rather than on one: the last line gives each round's share of the reference and the median of
 * these rounds. The first pass's share is printed but not counted: it measures the reference
 * first, while the harness that drives both is still compiling, which flatters the share.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar requests [--clients=32] [--seconds=20]
 * [--warmup-seconds=30] [--rounds=5] [--learners=1000] [--jfr=<folder for a recording of each process>]
 * [--jvm=<more JVM options for every process, the reference's too, space separated>]}
 */
public final class RequestBenchmark {

    /** Driven unmeasured before each later round's measurement. */
    private static final Duration RESUME = Duration.ofSeconds(5);

    private RequestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var options = ModeOptions.of(args);
        int clients = options.number("clients", 32);
        int seconds = options.number("seconds", 20);
        int warmup = options.number("warmup-seconds", 30);
        int rounds = options.number("rounds", 5);
        int learners = options.number("learners", 1000);
        var recordings = options.text("jfr").map(Path::of);
        List<String> jvmOptions = options.text("jvm").map(text -> List.of(text.trim().split("\\s+"))).orElse(List.of());
        Path root = BenchmarkSettings.findProjectRoot();
        StartedResources.runAndExit(started -> run(root, clients, seconds, warmup, rounds, learners, recordings, jvmOptions, started));
    }

    private static void run(Path root, int clients, int seconds, int warmup, int rounds, int learners,
                            java.util.Optional<Path> recordings, List<String> jvmOptions,
                            StartedResources started) throws Exception {
        say("starting Redis and a Kafka broker");
        var redis = started.add(LocalRedisServer.start());
        var broker = started.add(LocalKafkaBroker.start());
        var admin = started.add(Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers())));
        TopicSetup.createAll(admin);

        int noopPort = FreePorts.next();
        var stack = GatewayStack.of(broker, redis, Map.of(
                // Lifted: the benchmark measures what a request costs, not the allowance of a key.
                "TICKLIST_GATEWAY_RATE_LIMIT_REPLENISH_RATE", "1000000",
                "TICKLIST_GATEWAY_RATE_LIMIT_BURST_CAPACITY", "1000000",
                "UPSTREAM_URL", "http://127.0.0.1:" + noopPort));
        var environment = stack.environment();
        Path logs = root.resolve("benchmarks").resolve("target").resolve("requests");
        var checklist = started.add(ServiceProcess.start(root, "checklist-service", stack.checklistPort(), environment, logs,
                jvm("checklist-service", recordings, jvmOptions)));
        var gateway = started.add(ServiceProcess.start(root, "gateway", FreePorts.next(), environment, logs,
                jvm("gateway", recordings, jvmOptions)));
        Path bare = root.resolve("benchmarks");
        var noop = started.add(ServiceProcess.start(bare, "noop-endpoint", noopPort, environment, logs,
                jvm("noop-endpoint", recordings, jvmOptions)));
        var bareGateway = started.add(ServiceProcess.start(bare, "bare-gateway", FreePorts.next(), environment, logs,
                jvm("bare-gateway", recordings, jvmOptions)));
        for (var process : List.of(checklist, gateway, noop, bareGateway)) {
            process.awaitReady(Duration.ofMinutes(3));
        }

        try (var http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build()) {
            var organisation = stack.newOrganisation(http, gateway.url(), "Request Benchmark Academy");
            String apiKey = organisation.apiKey();
            String organisationId = organisation.id();
            var api = new GatewayStack.Api(http, gateway.url(), "X-Api-Key", apiKey);
            String cohortId = api.call("POST", "/api/v1/cohorts",
                    GatewayStack.json(Map.of("name", "Ticking", "checklistId", "machine-learning")), 201).get("id").asString();
            GatewayStack.enrol(api, cohortId, learners);
            List<String> items = GatewayStack.itemsOf(api.call("GET", "/api/v1/checklists/machine-learning", null, 200));
            String token = stack.writeToken(organisationId);
            say("organisation %s, cohort %s: %,d learners; %d clients, at least %d s warm-up (until compiled"
                    + "), %d s measured", organisationId, cohortId, learners, clients, warmup, seconds);

            var loop = new ClosedLoop(http, clients, redis.port());
            var reference = new ClosedLoop.Target("bare gateway -> no-op MVC (reference)",
                    ticks(new GatewayStack.Api(http, bareGateway.url(), "X-Api-Key", "unused"), cohortId, GatewayStack.LEARNER,
                            learners, items, 1), 201,
                    List.of(bareGateway, noop));
            var throughGateway = new ClosedLoop.Target("ticks through the gateway",
                    ticks(api, cohortId, GatewayStack.LEARNER, learners, items, 1), 201,
                    List.of(gateway, checklist));
            var straight = new ClosedLoop.Target("ticks straight to checklist-service",
                    ticks(new GatewayStack.Api(http, checklist.url(), "Authorization", "Bearer " + token), cohortId,
                            GatewayStack.LEARNER, learners, items, 1), 201,
                    List.of(checklist));
            var lines = new ArrayList<String>();
            var shares = new ArrayList<Double>();
            var first = new ArrayList<ClosedLoop.Measured>();
            for (var target : List.of(reference, throughGateway, straight)) {
                var measured = loop.measure(target, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds));
                say("  %s", measured.line());
                lines.add(measured.line());
                first.add(measured);
            }
            double firstPass = first.get(1).rate().perSecond() / first.get(0).rate().perSecond();
            for (int round = 2; round <= rounds; round++) {
                var pair = new ArrayList<ClosedLoop.Measured>();
                for (var target : List.of(reference, throughGateway)) {
                    loop.drive(target, RESUME, null); // connections and caches back in use before it counts
                    var measured = loop.measured(target, Duration.ofSeconds(seconds));
                    say("  round %d: %s", round, measured.line());
                    lines.add("round " + round + ": " + measured.line());
                    pair.add(measured);
                }
                shares.add(pair.get(1).rate().perSecond() / pair.get(0).rate().perSecond());
            }
            System.out.println();
            lines.forEach(System.out::println);
            System.out.println(shareSummary(firstPass, shares));
        }
    }

    /**
     * The first pass's share, then each later round's and the median of those rounds (the first
     * pass is not counted: see the class comment).
     */
    static String shareSummary(double firstPass, List<Double> rounds) {
        String first = String.format("ticks through the gateway as a share of the reference: first pass %.1f %% (not counted)",
                firstPass * 100);
        if (rounds.isEmpty()) {
            return first + "; no later rounds (--rounds=1)";
        }
        var sorted = rounds.stream().sorted().toList();
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        var each = rounds.stream().map(share -> String.format("%.1f %%", share * 100)).toList();
        return String.format("%s; rounds 2 to %d: %s; median %.1f %%", first, rounds.size() + 1, String.join(", ", each),
                median * 100);
    }

    /** Single ticks, or {@code batch} items a request: request n ticks learner n mod L's next item(s). */
    static ClosedLoop.Requests ticks(GatewayStack.Api api, String cohortId, String learnerPrefix, int learners,
                                     List<String> items, int batch) {
        return n -> {
            var ids = new ArrayList<String>(batch);
            long first = (n / learners) * batch;
            for (int i = 0; i < batch; i++) {
                ids.add(items.get((int) ((first + i) % items.size())));
            }
            return api.ticks(cohortId, GatewayStack.learnerId(learnerPrefix, (int) (n % learners)), ids);
        };
    }

    private static List<String> jvm(String name, java.util.Optional<Path> recordings, List<String> more) {
        // A fixed heap, as the containers get (InitialRAMPercentage = MaxRAMPercentage): left to
        // shrink to its live data, a service's heap marked concurrently again and again.
        var options = new ArrayList<>(List.of("-Xms512m", "-Xmx512m", "-XX:+ExitOnOutOfMemoryError"));
        options.addAll(more);
        recordings.ifPresent(folder -> {
            // Reactive stacks run deeper than JFR's default 64 frames: without this, a sample
            // loses the filters and handlers that led to it.
            options.add("-XX:FlightRecorderOptions:stackdepth=512");
            options.add("-XX:StartFlightRecording=filename=" + folder.resolve(name + ".jfr").toAbsolutePath()
                    + ",settings=profile");
        });
        return options;
    }

}
