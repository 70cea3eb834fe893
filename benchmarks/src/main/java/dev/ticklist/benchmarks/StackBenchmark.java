package dev.ticklist.benchmarks;

import static dev.ticklist.benchmarks.Benchmark.say;

import dev.ticklist.events.Topics;
import dev.ticklist.testsupport.local.FreePorts;
import dev.ticklist.testsupport.local.LocalKafkaBroker;
import dev.ticklist.testsupport.local.LocalRedisServer;
import dev.ticklist.testsupport.process.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import tools.jackson.databind.JsonNode;

/**
 * The whole stack — gateway, checklist-, progress- and notification-service, Kafka, Redis and a
 * webhook receiver — driven over the public API as organisations and dashboards use it: a bulk
 * import into a cohort of {@code --learners} and how long until its cohort view shows every
 * line; reads of that cohort's view, its ranking and its learners; single and batch ticks; then
 * ticks at a steady rate with the cohort's live stream open and an endpoint registered, timing
 * each tick until it shows on the stream and each finished level until its webhook arrives.
 * References of the same run: a bare Kafka producer, and a bare Spring Cloud Gateway in front of
 * a no-op Spring MVC endpoint.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar stack [--learners=100000] [--import-lines=500000]
 * [--clients=32] [--warmup-seconds=30] [--seconds=15] [--batch=10] [--rate=200] [--rate-seconds=20]}
 */
public final class StackBenchmark {

    private static final String REFERENCE_TOPIC = "benchmark.reference";
    private static final String WARM_UP_PREFIX = "warm";

    private StackBenchmark() {
    }

    record Settings(int learners, int importLines, int clients, Duration warmup, Duration measured, int batch,
                    int rate, int rateSeconds) {
    }

    public static void main(String[] args) throws Exception {
        var options = ModeOptions.of(args);
        var settings = new Settings(options.number("learners", 100_000), options.number("import-lines", 500_000),
                options.number("clients", 32), Duration.ofSeconds(options.number("warmup-seconds", 30)),
                Duration.ofSeconds(options.number("seconds", 15)), options.number("batch", 10),
                options.number("rate", 200), options.number("rate-seconds", 20));
        Path root = BenchmarkSettings.findProjectRoot();
        StartedResources.runAndExit(started -> run(root, settings, started));
    }

    private static void run(Path root, Settings settings, StartedResources started) throws Exception {
        say("starting Redis and a Kafka broker");
        var redis = started.add(LocalRedisServer.start());
        var broker = started.add(LocalKafkaBroker.start());
        var admin = started.add(Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers())));
        TopicSetup.createAll(admin);
        TopicSetup.createScratch(admin, REFERENCE_TOPIC, Topics.LEARNER_ACTIVITY.partitions());
        Rate producer = LoadGenerator.toTopic(broker.bootstrapServers(),
                new RoundRobinDistribution(settings.learners()), REFERENCE_TOPIC).publish(settings.importLines());
        say("reference: a bare producer, %,d tick events: %s", settings.importLines(), producer);

        var receiver = started.add(new WebhookReceiver(3));
        int progressPort = FreePorts.next();
        int notificationPort = FreePorts.next();
        int noopPort = FreePorts.next();
        byte[] encryptionKey = new byte[32];
        new SecureRandom().nextBytes(encryptionKey);
        var stack = GatewayStack.of(broker, redis, Map.of(
                "PROGRESS_SERVICE_URL", "http://127.0.0.1:" + progressPort,
                "NOTIFICATION_SERVICE_URL", "http://127.0.0.1:" + notificationPort,
                "TICKLIST_WEBHOOK_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(encryptionKey),
                "TICKLIST_WEBHOOKS_ALLOW_INSECURE_LOCAL", "true",
                // Lifted: the run measures what requests cost, not the allowance of a key.
                "TICKLIST_GATEWAY_RATE_LIMIT_REPLENISH_RATE", "1000000",
                "TICKLIST_GATEWAY_RATE_LIMIT_BURST_CAPACITY", "1000000",
                "UPSTREAM_URL", "http://127.0.0.1:" + noopPort));
        var environment = stack.environment();
        Path logs = root.resolve("benchmarks").resolve("target").resolve("stack");
        List<String> jvm = List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError");
        var checklist = started.add(ServiceProcess.start(root, "checklist-service", stack.checklistPort(), environment, logs, jvm));
        var progress = started.add(ServiceProcess.start(root, "progress-service", progressPort, environment, logs, jvm));
        var notification = started.add(ServiceProcess.start(root, "notification-service", notificationPort, environment,
                logs, jvm));
        var gateway = started.add(ServiceProcess.start(root, "gateway", FreePorts.next(), environment, logs, jvm));
        Path bare = root.resolve("benchmarks");
        var noop = started.add(ServiceProcess.start(bare, "noop-endpoint", noopPort, environment, logs, jvm));
        var bareGateway = started.add(ServiceProcess.start(bare, "bare-gateway", FreePorts.next(), environment, logs, jvm));
        for (var process : List.of(checklist, progress, notification, gateway, noop, bareGateway)) {
            process.awaitReady(Duration.ofMinutes(5));
        }

        var results = new ArrayList<String>();
        results.add(String.format("%-44s %s", "reference: bare producer", producer));
        try (var http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build()) {
            var organisation = stack.newOrganisation(http, gateway.url(), "Stack Benchmark Academy");
            var api = new GatewayStack.Api(http, gateway.url(), "X-Api-Key", organisation.apiKey());
            api.call("POST", "/api/v1/webhooks/endpoints", GatewayStack.json(Map.of("url", receiver.url())), 201);
            var checklistVersion = Checklist.of(api.call("GET", "/api/v1/checklists/machine-learning", null, 200));
            var items = checklistVersion.items();

            String dashboard = newCohort(api, "Dashboard");
            long enrolStart = System.nanoTime();
            GatewayStack.enrol(api, dashboard, settings.learners());
            say("organisation %s; cohort %s: %,d learners enrolled (%s); %d items", organisation.id(), dashboard,
                    settings.learners(), Rate.since(settings.learners(), enrolStart), items.size());

            // Warmed up like every other target: the first import after start-up runs while the JIT
            // is still compiling the import path (docs/benchmarks.md). Learners of their own, so the
            // measured import ticks nothing they have ticked already.
            String warmUp = newCohort(api, "Import warm-up");
            int warmUpLearners = Math.min(settings.learners(), 10_000);
            GatewayStack.enrol(api, warmUp, warmUpLearners, WARM_UP_PREFIX);
            String cold = importAndAwaitView(api, warmUp, new Import(settings.importLines(), warmUpLearners,
                    WARM_UP_PREFIX, "warm-up"), items, "warm-up import (first after start-up)");
            results.add(importAndAwaitView(api, dashboard, new Import(settings.importLines(), settings.learners(),
                    GatewayStack.LEARNER, "stack-benchmark"), items, "bulk import through the gateway"));
            results.add(cold);

            var loop = new ClosedLoop(http, settings.clients(), redis.port());
            int learners = settings.learners();
            var readPath = List.of(gateway, progress);
            var reads = List.of(
                    new ClosedLoop.Target("cohort view, " + String.format("%,d", learners) + " learners",
                            n -> get(api, "/api/v1/progress/cohorts/" + dashboard), 200, readPath),
                    new ClosedLoop.Target("ranking page (50 learners)",
                            n -> get(api, "/api/v1/progress/cohorts/" + dashboard + "/learners?limit=50&offset="
                                    + ThreadLocalRandom.current().nextInt(Math.max(1, learners - 50))), 200, readPath),
                    new ClosedLoop.Target("a learner's progress",
                            n -> get(api, "/api/v1/progress/learners/"
                                    + GatewayStack.learnerId(ThreadLocalRandom.current().nextInt(learners))), 200, readPath));
            for (var target : reads) {
                results.add(measured(loop, target, settings));
            }
            // One dashboard at a time: the view's own latency, without queueing behind 31 others.
            results.add(measured(new ClosedLoop(http, 1, redis.port()), new ClosedLoop.Target(
                    "cohort view, one client", n -> get(api, "/api/v1/progress/cohorts/" + dashboard), 200, readPath),
                    settings));

            String writes = newCohort(api, "Writes");
            int writers = 1000;
            GatewayStack.enrol(api, writes, writers, "writer");
            var writeTargets = List.of(
                    new ClosedLoop.Target("bare gateway -> no-op MVC (reference)",
                            RequestBenchmark.ticks(new GatewayStack.Api(http, bareGateway.url(), "X-Api-Key", "unused"),
                                    writes, "writer", writers, items, 1),
                            201, List.of(bareGateway, noop)),
                    new ClosedLoop.Target("single ticks through the gateway",
                            RequestBenchmark.ticks(api, writes, "writer", writers, items, 1),
                            201, List.of(gateway, checklist)),
                    new ClosedLoop.Target("batch ticks (" + settings.batch() + " items a request)",
                            RequestBenchmark.ticks(api, writes, "writer", writers, items, settings.batch()), 201, List.of(gateway, checklist)));
            for (var target : writeTargets) {
                results.add(measured(loop, target, settings));
            }

            String live = newCohort(api, "Live");
            int liveLearners = (int) Math.ceil((double) settings.rate() * settings.rateSeconds() / items.size());
            GatewayStack.enrol(api, live, liveLearners, "live");
            receiver.forget();
            results.addAll(new SteadyTicks(api, live, liveLearners, checklistVersion, receiver)
                    .run(settings.rate(), Duration.ofSeconds(settings.rateSeconds())));
        }
        System.out.println();
        results.forEach(System.out::println);
    }

    /** An import's lines: {@code lines} ticks of {@code learners} learners named with {@code prefix}. */
    record Import(int lines, int learners, String prefix, String id) {
    }

    /** Imports the ticks into the cohort, then waits until its view counts every one; a line of figures. */
    static String importAndAwaitView(GatewayStack.Api api, String cohort, Import ticks, List<String> items,
                                             String label) throws Exception {
        int lines = Math.min(ticks.lines(), ticks.learners() * items.size());
        long start = System.nanoTime();
        var report = api.call("PUT", "/api/v1/cohorts/" + cohort + "/imports/" + ticks.id(),
                HttpRequest.BodyPublishers.ofInputStream(
                        () -> new NdjsonTicks(lines, ticks.learners(), ticks.prefix(), items)),
                200, "application/x-ndjson");
        if (report.get("recorded").asLong() != lines) {
            throw new IllegalStateException("not every line was recorded: " + report);
        }
        var imported = Rate.since(lines, start);
        say("  %s: %s; waiting for the cohort view to count every line", label, imported);
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        long counted = 0;
        while (counted < lines) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the cohort view counts " + counted + " of " + lines + " ticks");
            }
            Thread.sleep(200);
            var response = api.http().send(get(api, "/api/v1/progress/cohorts/" + cohort), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                counted = GatewayStack.JSON.readTree(response.body()).findValues("tickedBy").stream()
                        .mapToLong(JsonNode::asLong).sum();
            } else if (response.statusCode() != 503) {
                throw new IllegalStateException("cohort view: " + response.statusCode() + " " + response.body());
            }
        }
        var shown = Rate.since(lines, start);
        String line = String.format("%-44s %s; every line in the cohort view %.1f s after the answer (%,.0f lines/s from"
                        + " the first byte sent)", label, imported,
                shown.seconds() - imported.seconds(), shown.perSecond());
        say("  %s", line);
        return line;
    }

    private static String measured(ClosedLoop loop, ClosedLoop.Target target, Settings settings) throws InterruptedException {
        String line = loop.measure(target, settings.warmup(), settings.measured()).line();
        say("  %s", line);
        return line;
    }

    static String newCohort(GatewayStack.Api api, String name) throws Exception {
        return api.call("POST", "/api/v1/cohorts", GatewayStack.json(Map.of("name", name, "checklistId", "machine-learning")),
                201).get("id").asString();
    }

    static HttpRequest get(GatewayStack.Api api, String path) {
        return HttpRequest.newBuilder(URI.create(api.url() + path)).header(api.header(), api.credential()).GET().build();
    }

    /** A checklist version's items in order, and the level each finishes (its last item). */
    record Checklist(List<String> items, Map<String, String> levelFinishedBy) {

        static Checklist of(JsonNode version) {
            var finishedBy = new HashMap<String, String>();
            version.get("levels").forEach(level -> {
                String last = null;
                for (var category : level.get("categories")) {
                    for (var item : category.get("items")) {
                        last = item.get("id").asString();
                    }
                }
                if (last != null) {
                    finishedBy.put(last, level.get("id").asString());
                }
            });
            return new Checklist(GatewayStack.itemsOf(version), Map.copyOf(finishedBy));
        }
    }
}
