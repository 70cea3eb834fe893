package dev.ticklist.benchmarks;

import static dev.ticklist.benchmarks.Benchmark.say;

import dev.ticklist.events.Topics;
import dev.ticklist.platform.identity.IdentityKeys;
import dev.ticklist.platform.identity.IdentityTokens;
import dev.ticklist.platform.identity.Scope;
import dev.ticklist.testsupport.local.FreePorts;
import dev.ticklist.testsupport.local.LocalKafkaBroker;
import dev.ticklist.testsupport.local.LocalRedisServer;
import dev.ticklist.testsupport.process.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import tools.jackson.databind.json.JsonMapper;

/**
 * Invariant 9, measured: a long directory and catalog history (a million events by default,
 * leaving a much smaller state), then checklist-service started twice on it — first with no
 * snapshot (it reads the whole history, and writes snapshots), then as a new replica would,
 * from the last snapshot and the tail. Reported beside a bare consumer reading the same history,
 * and checked: after the second start the service answers every cohort's learners as the
 * history left them.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar startup [--events=1000000] [--learners=50000]
 * [--cohorts=1000]}
 */
public final class StartupBenchmark {

    private static final Pattern LOADED = Pattern.compile("Loaded (ticklist\\.\\S+) \\((.*)\\) in (\\d+) ms");
    private static final IdentityKeys IDENTITY = IdentityKeys.generate();

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var options = ModeOptions.of(args);
        int events = options.number("events", 1_000_000);
        int learners = options.number("learners", 50_000);
        int cohorts = options.number("cohorts", 1_000);
        Path root = BenchmarkSettings.findProjectRoot();
        StartedResources.runAndExit(started -> run(root, events, learners, cohorts, started));
    }

    private static void run(Path root, int events, int learners, int cohorts, StartedResources started)
            throws Exception {
        say("starting Redis and a Kafka broker");
        var redis = started.add(LocalRedisServer.start());
        var broker = started.add(LocalKafkaBroker.start());
        var admin = started.add(Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers())));
        TopicSetup.createAll(admin);

        var history = new DirectoryHistory(cohorts, learners);
        say("publishing a history of %,d directory events (%,d learners moving between %,d cohorts) and %,d draft edits",
                events, learners, cohorts, events / 10);
        try (var producer = new LoadGenerator(broker.bootstrapServers(), null).producer()) {
            history.publish(producer, events);
        }
        long directory = EndOffsets.sum(admin, Topics.DIRECTORY.name());
        long catalog = EndOffsets.sum(admin, Topics.CATALOG.name());
        Rate raw = RawConsumerRate.measure(broker.bootstrapServers(), Topics.DIRECTORY.name(), directory,
                Duration.ofMinutes(5));
        say("  %,d directory and %,d catalog events; raw consumer on the directory: %s", directory, catalog, raw);

        var environment = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "REDIS_HOST", "127.0.0.1",
                "REDIS_PORT", Integer.toString(redis.port()),
                IdentityKeys.PUBLIC_KEY_VARIABLE, IDENTITY.encodedPublicKey());
        var first = start(root, environment, "first start, no snapshot yet", 1);
        say("waiting for a snapshot of the whole directory");
        SnapshotManifests.awaitCovering(broker.bootstrapServers(), snapshotTopic("ticklist.directory"), directory,
                Duration.ofMinutes(5));
        first.process().close();

        var second = start(root, environment, "a new replica, from the snapshots", 2);
        int wrong = checkEnrolments(second.process(), history.enrolments());
        second.process().close();

        System.out.println();
        System.out.printf("history: %,d directory + %,d catalog events; state: %,d learners in %,d cohorts%n",
                directory, catalog, learners, cohorts);
        System.out.printf("raw consumer (directory): %s%n", raw);
        for (var start : List.of(first, second)) {
            System.out.printf("%-34s ready %5.1f s after the process began; %s%n", start.label(), start.readySeconds(),
                    String.join("; ", start.loads()));
        }
        System.out.printf("cohorts answered differently from the history after the second start: %d of %d%n", wrong,
                cohorts);
        if (wrong > 0) {
            throw new IllegalStateException(wrong + " cohorts differ from the history");
        }
    }

    private record Start(String label, ServiceProcess process, double readySeconds, List<String> loads) {
    }

    private static Start start(Path root, Map<String, String> environment, String label, int number) throws Exception {
        long began = System.nanoTime();
        var process = ServiceProcess.start(root, "checklist-service", FreePorts.next(), environment,
                root.resolve("benchmarks").resolve("target").resolve("startup-" + number),
                List.of("-Xmx1g", "-XX:+ExitOnOutOfMemoryError"));
        process.awaitReady(Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - began) / 1e9;
        var loads = loadsIn(process.log());
        say("%s: ready in %.1f s (%s)", label, seconds, String.join("; ", loads));
        return new Start(label, process, seconds, loads);
    }

    /** The followers' own words: which topic, from a snapshot or the whole history, in how long. */
    private static List<String> loadsIn(Path log) throws IOException {
        var loads = new ArrayList<String>();
        for (String line : Files.readAllLines(log)) {
            var loaded = LOADED.matcher(line);
            if (loaded.find()) {
                loads.add(loaded.group(1) + " " + loaded.group(3) + " ms (" + loaded.group(2) + ")");
            }
        }
        return loads;
    }

    static String snapshotTopic(String topic) {
        return topic + ".snapshots.checklist-service";
    }

    /** Asks the started service for every cohort's learners; returns how many differ from the history. */
    private static int checkEnrolments(ServiceProcess service, Map<String, Set<String>> expected) throws Exception {
        String token = new IdentityTokens(IDENTITY, Duration.ofMinutes(10)).issue(DirectoryHistory.ORGANISATION,
                Set.of(Scope.READ), "checklist-service");
        var json = JsonMapper.builder().build();
        int wrong = 0;
        try (var http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build()) {
            for (var cohort : expected.entrySet()) {
                var response = http.send(HttpRequest.newBuilder(URI.create(service.url() + "/api/v1/cohorts/"
                                + cohort.getKey() + "/learners")).header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofString());
                var answered = new HashSet<String>();
                if (response.statusCode() == 200) {
                    json.readTree(response.body()).path("learnerIds").forEach(id -> answered.add(id.asString()));
                }
                if (!answered.equals(cohort.getValue())) {
                    wrong++;
                }
            }
        }
        return wrong;
    }
}
