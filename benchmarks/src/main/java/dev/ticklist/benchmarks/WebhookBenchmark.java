package dev.ticklist.benchmarks;

import static dev.ticklist.benchmarks.Benchmark.say;

import com.sun.net.httpserver.HttpServer;
import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.Topics;
import dev.ticklist.events.milestone.LevelCompleted;
import dev.ticklist.platform.identity.IdentityKeys;
import dev.ticklist.platform.identity.IdentityTokens;
import dev.ticklist.platform.identity.Scope;
import dev.ticklist.testsupport.local.FreePorts;
import dev.ticklist.testsupport.local.LocalKafkaBroker;
import dev.ticklist.testsupport.local.LocalRedisServer;
import dev.ticklist.testsupport.process.ServiceProcess;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks from one notification-service instance to one receiver on loopback that answers 204
 * after a few milliseconds: first a backlog (milestones published at once, then how fast they
 * arrive), then milestones at a steady rate (how long each takes from the milestone to the
 * receiver). Reference in the same run: the receiver called directly by 32 concurrent clients.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar webhooks [--backlog=10000] [--rate=200]
 * [--seconds=20] [--receiver-ms=3] [--max-in-flight=<ceiling of an endpoint's window>]}
 */
public final class WebhookBenchmark {

    private static final IdentityKeys IDENTITY = IdentityKeys.generate();
    private static final String ORGANISATION = "org-webhooks";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WebhookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var options = ModeOptions.of(args);
        int backlog = options.number("backlog", 10_000);
        int rate = options.number("rate", 200);
        int seconds = options.number("seconds", 20);
        int receiverMillis = options.number("receiver-ms", 3);
        var serviceEnvironment = new HashMap<String, String>();
        options.text("max-in-flight").ifPresent(ceiling ->
                serviceEnvironment.put("TICKLIST_WEBHOOKS_MAX_IN_FLIGHT_PER_ENDPOINT", ceiling));
        Path root = BenchmarkSettings.findProjectRoot();
        StartedResources.runAndExit(started -> run(root, backlog, rate, seconds, receiverMillis, serviceEnvironment, started));
    }

    private static void run(Path root, int backlog, int rate, int seconds, int receiverMillis,
                            Map<String, String> serviceEnvironment, StartedResources started) throws Exception {
        say("starting Redis and a Kafka broker");
        var redis = started.add(LocalRedisServer.start());
        var broker = started.add(LocalKafkaBroker.start());
        var admin = started.add(Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers())));
        TopicSetup.createAll(admin);
        var receiver = started.add(new WebhookReceiver(receiverMillis));

        Rate direct = callDirectly(receiver.url(), 32, Duration.ofSeconds(5));
        say("reference: the receiver called directly by 32 clients: %s", direct);
        receiver.forget();

        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        var environment = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "REDIS_HOST", "127.0.0.1",
                "REDIS_PORT", Integer.toString(redis.port()),
                IdentityKeys.PUBLIC_KEY_VARIABLE, IDENTITY.encodedPublicKey(),
                "TICKLIST_WEBHOOK_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(key),
                "TICKLIST_WEBHOOKS_ALLOW_INSECURE_LOCAL", "true"));
        environment.putAll(serviceEnvironment);
        var service = started.add(ServiceProcess.start(root, "notification-service", FreePorts.next(), environment,
                root.resolve("benchmarks").resolve("target").resolve("webhooks"),
                List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError")));
        service.awaitReady(Duration.ofMinutes(3));
        register(service, receiver.url());
        say("notification-service ready, endpoint registered (receiver answers 204 after %d ms)", receiverMillis);

        try (var producer = new LoadGenerator(broker.bootstrapServers(), null).producer()) {
            say("backlog: %,d milestones published at once", backlog);
            for (int i = 0; i < backlog; i++) {
                producer.send(milestone(i));
            }
            producer.flush();
            long start = System.nanoTime();
            receiver.await(backlog, Duration.ofMinutes(10));
            Rate drained = Rate.since(backlog, start);
            say("  delivered: %s (from the last milestone acknowledged to the last delivery)", drained);
            int backlogArrivals = receiver.arrivals().size();
            long requestsBefore = receiver.requests();

            say("steady: %d milestones/s for %d s", rate, seconds);
            long begin = System.nanoTime();
            int sent = 0;
            for (long n = 0; n < (long) rate * seconds; n++) {
                long due = begin + n * 1_000_000_000L / rate;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                producer.send(milestone(backlog + sent++));
            }
            producer.flush();
            receiver.await(backlog + sent, Duration.ofMinutes(5));
            var latencies = receiver.arrivals().stream().skip(backlogArrivals)
                    .filter(arrival -> arrival.body().path("timestamp").isString())
                    .mapToLong(arrival -> arrival.epochMillis()
                            - Instant.parse(arrival.body().path("timestamp").asString()).toEpochMilli())
                    .sorted().toArray();
            System.out.println();
            System.out.printf("reference: receiver called directly by 32 clients    %s%n", direct);
            System.out.printf("backlog of %,d: delivered at                         %s%n", backlog, drained);
            System.out.printf("steady %d/s for %d s: milestone -> webhook p50 / p99 / max  %d / %d / %d ms (%,d messages)%n",
                    rate, seconds, percentile(latencies, 0.50), percentile(latencies, 0.99),
                    latencies.length == 0 ? 0 : latencies[latencies.length - 1], latencies.length);
            long toMessages = receiver.requests() - direct.count();
            System.out.printf("webhook requests received: %,d for %,d messages (sent again: %,d)%n", toMessages,
                    backlog + sent, toMessages - (backlog + sent));
            if (receiver.requests() - requestsBefore < sent) {
                throw new IllegalStateException("fewer requests than messages in the steady phase");
            }
        }
    }

    private static ProducerRecord<String, EventEnvelope<?>> milestone(int n) {
        var event = new LevelCompleted(ORGANISATION, "cohort-" + (n % 20), "learner-" + n, "bench-checklist", 1,
                "level-1", 30);
        return new ProducerRecord<>(Topics.MILESTONES.name(), event.key(),
                new EventEnvelope<>(UUID.randomUUID().toString(), "/ticklist/progress-service", Instant.now(), event));
    }

    private static void register(ServiceProcess service, String url) throws Exception {
        String token = new IdentityTokens(IDENTITY, Duration.ofMinutes(30)).issue(ORGANISATION,
                Set.of(Scope.ADMIN), "notification-service");
        try (var http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build()) {
            var response = http.send(HttpRequest.newBuilder(URI.create(service.url() + "/api/v1/webhooks/endpoints"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("url", url))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("registering the endpoint: " + response.statusCode() + " " + response.body());
            }
        }
    }

    /** The receiver's own pace: 32 clients posting as fast as it answers. */
    private static Rate callDirectly(String url, int clients, Duration length) throws Exception {
        var done = new AtomicLong();
        long end = System.nanoTime() + length.toNanos();
        long start = System.nanoTime();
        try (var http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
             var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                threads.execute(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            http.send(HttpRequest.newBuilder(URI.create(url)).header("webhook-id", "direct-"
                                    + UUID.randomUUID()).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                                    HttpResponse.BodyHandlers.discarding());
                            done.incrementAndGet();
                        } catch (Exception e) {
                            return;
                        }
                    }
                });
            }
        }
        return Rate.since(done.get(), start);
    }

    private static long percentile(long[] sorted, double share) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(share * sorted.length) - 1)];
    }
}
