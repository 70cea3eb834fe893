package dev.ticklist.benchmarks;

import static dev.ticklist.benchmarks.Benchmark.say;

import dev.ticklist.testsupport.local.FreePorts;
import dev.ticklist.testsupport.local.LocalKafkaBroker;
import dev.ticklist.testsupport.local.LocalRedisServer;
import dev.ticklist.testsupport.process.ServiceProcess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A bulk import of ticks ({@code PUT /api/v1/cohorts/{id}/imports/{importId}}, NDJSON streamed)
 * into one checklist-service, through the gateway and straight to the service, beside a bare
 * Kafka producer publishing as many tick events to the same broker in the same run.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar imports [--lines=500000] [--learners=10000] [--rounds=2]}
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var options = ModeOptions.of(args);
        int lines = options.number("lines", 500_000);
        int learners = options.number("learners", 10_000);
        int rounds = options.number("rounds", 2);
        Path root = BenchmarkSettings.findProjectRoot();
        StartedResources.runAndExit(started -> run(root, lines, learners, rounds, started));
    }

    private static void run(Path root, int lines, int learners, int rounds, StartedResources started) throws Exception {
        say("starting Redis and a Kafka broker");
        var redis = started.add(LocalRedisServer.start());
        var broker = started.add(LocalKafkaBroker.start());
        var admin = started.add(Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers())));
        TopicSetup.createAll(admin);

        Rate producer = new LoadGenerator(broker.bootstrapServers(), new RoundRobinDistribution(learners)).publish(lines);
        say("reference: a bare producer, %,d tick events: %s", lines, producer);

        var stack = GatewayStack.of(broker, redis, Map.of());
        Path logs = root.resolve("benchmarks").resolve("target").resolve("imports");
        List<String> jvm = List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError");
        var checklist = started.add(ServiceProcess.start(root, "checklist-service", stack.checklistPort(),
                stack.environment(), logs, jvm));
        var gateway = started.add(ServiceProcess.start(root, "gateway", FreePorts.next(), stack.environment(), logs, jvm));
        checklist.awaitReady(Duration.ofMinutes(3));
        gateway.awaitReady(Duration.ofMinutes(3));

        try (var http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build()) {
            var organisation = stack.newOrganisation(http, gateway.url(), "Import Benchmark Academy");
            var viaGateway = new GatewayStack.Api(http, gateway.url(), "X-Api-Key", organisation.apiKey());
            var direct = new GatewayStack.Api(http, checklist.url(), "Authorization",
                    "Bearer " + stack.writeToken(organisation.id()));

            String cohortId = viaGateway.call("POST", "/api/v1/cohorts",
                    GatewayStack.json(Map.of("name", "Imported", "checklistId", "machine-learning")), 201).get("id").asString();
            GatewayStack.enrol(viaGateway, cohortId, learners);
            List<String> items = GatewayStack.itemsOf(viaGateway.call("GET", "/api/v1/checklists/machine-learning", null, 200));
            say("organisation %s, cohort %s: %,d learners enrolled; %d items", organisation.id(), cohortId, learners,
                    items.size());

            var results = new ArrayList<String>();
            for (int round = 1; round <= rounds; round++) {
                for (var target : List.of(Map.entry("through the gateway", viaGateway), Map.entry("to checklist-service directly", direct))) {
                    String importId = "bench-" + round + "-" + (target.getValue() == direct ? "direct" : "gateway");
                    long gatewayCpu = ResourceUse.cpuNanos(gateway.pid());
                    long serviceCpu = ResourceUse.cpuNanos(checklist.pid());
                    long start = System.nanoTime();
                    var report = target.getValue().call("PUT", "/api/v1/cohorts/" + cohortId + "/imports/" + importId,
                            HttpRequest.BodyPublishers.ofInputStream(() -> new NdjsonTicks(lines, learners, items)),
                            200, "application/x-ndjson");
                    var rate = Rate.since(report.get("recorded").asLong(), start);
                    if (report.get("recorded").asLong() != lines) {
                        throw new IllegalStateException("not every line was recorded: " + report);
                    }
                    String line = String.format("round %d, %-30s %s; CPU µs per line: gateway %.1f, checklist-service %.1f",
                            round, target.getKey() + ":", rate, (ResourceUse.cpuNanos(gateway.pid()) - gatewayCpu) / 1e3 / lines,
                            (ResourceUse.cpuNanos(checklist.pid()) - serviceCpu) / 1e3 / lines);
                    say("  %s", line);
                    results.add(line);
                }
            }
            System.out.println();
            System.out.printf("reference: bare producer, %,d events            %s%n", lines, producer);
            results.forEach(System.out::println);
        }
    }
}
