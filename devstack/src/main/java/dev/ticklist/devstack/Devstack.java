package dev.ticklist.devstack;

import dev.ticklist.testsupport.IdentityKeyPair;
import dev.ticklist.testsupport.local.FreePorts;
import dev.ticklist.testsupport.local.LocalKafkaBroker;
import dev.ticklist.testsupport.local.LocalRedisServer;
import dev.ticklist.testsupport.http.JsonHttp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the whole of Ticklist on this machine with nothing but a JDK: a real Kafka broker
 * (KRaft, from the Kafka jars), a real Redis, the four services, a demo organisation and a
 * webhook inbox. Ctrl-C stops everything it started; the next run goes on with the same data
 * ({@link KeptInstallation}) unless given {@code --fresh}.
 */
public final class Devstack {

    /** As the services run in their image: full JIT, the JVM's own collector; only the heap is set, fixed as theirs is. */
    static final List<String> PRODUCTION_JVM = List.of("-Xms384m", "-Xmx384m", "-XX:+ExitOnOutOfMemoryError");

    private Devstack() {
    }

    private static String actuators(Map<String, Integer> managementPorts) {
        var listed = new StringBuilder();
        managementPorts.forEach((service, port) -> listed.append(listed.isEmpty() ? "" : ", ")
                .append(service).append(" ").append(port));
        return listed.toString();
    }

    public static void main(String[] args) throws Exception {
        long begin = System.nanoTime();
        Path root = Stack.projectRoot();
        var out = System.out;
        var kept = KeptInstallation.at(root.resolve(".devstack").resolve("data"), Arrays.asList(args).contains("--fresh"));
        out.println(kept.resumed() ? "Starting Kafka (with the data of the last run) and Redis..."
                : "Starting Kafka (new, empty) and Redis...");
        var kafka = LocalKafkaBroker.startKept(FreePorts.preferred(9092), kept.kafkaData());
        var redis = LocalRedisServer.start(FreePorts.preferred(6379));
        var identity = IdentityKeyPair.generate(); // kept only if the installation has no keys yet
        var settings = new StackSettings(kafka.bootstrapServers(), "127.0.0.1", redis.port(),
                FreePorts.preferred(8080), FreePorts.preferred(8081), FreePorts.preferred(8082), FreePorts.preferred(8083),
                new IdentityKeyPair(kept.secret("identity-public-key", identity::publicKey),
                        kept.secret("identity-private-key", identity::privateKey)),
                kept.secret("admin-key", () -> "tka_" + StackSettings.randomText(32)),
                kept.secret("webhook-encryption-key",
                        () -> Base64.getEncoder().encodeToString(StackSettings.randomBytes(32))), null, Map.of());
        // The actuator (health, metrics) apart from the public ports, as in the image and on k8s.
        var managementPorts = new LinkedHashMap<String, Integer>();
        managementPorts.put("gateway", FreePorts.preferred(9180));
        managementPorts.put("checklist-service", FreePorts.preferred(9181));
        managementPorts.put("progress-service", FreePorts.preferred(9182));
        managementPorts.put("notification-service", FreePorts.preferred(9183));
        var inbox = WebhookInbox.start(FreePorts.preferred(8099), out);
        Path logs = root.resolve(".devstack").resolve("logs");
        out.println("Starting the four services (logs in " + logs + ")...");
        Stack stack;
        try {
            stack = Stack.start(root, settings, logs, PRODUCTION_JVM, managementPorts);
        } catch (Exception e) {
            inbox.close();
            kafka.close();
            redis.close();
            throw e;
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping Ticklist...");
            stack.close();
            inbox.close();
            kafka.close();
            redis.close();
            stopped.countDown();
        }, "devstack-stop"));

        var demo = kept.demo().orElseGet(() -> {
            var created = JsonHttp.at(settings.gatewayUrl()).withBearer(settings.adminKey())
                    .post("/admin/v1/organisations", Map.of("name", "Demo Academy"));
            if (created.status() != 201) {
                throw new IllegalStateException("could not create the demo organisation: " + created);
            }
            var made = new KeptInstallation.Demo(created.json().get("organisationId").asString(),
                    created.json().get("apiKey").asString());
            kept.keepDemo(made);
            return made;
        });
        long seconds = Duration.ofNanos(System.nanoTime() - begin).toSeconds();
        out.printf("""

                Ticklist is running (ready in %d s).
                  Gateway (the API):     %s
                  Demo organisation:     %s
                  Demo API key:          %s
                  Platform admin key:    %s
                  Webhook inbox:         %s  (register it as a webhook URL; deliveries print here)
                  Kafka:                 %s
                  Redis:                 redis://127.0.0.1:%d
                  Actuator (health, metrics): %s
                  Logs:                  %s
                  Data:                  %s

                Try:  export TICKLIST=%s KEY=%s
                      curl -s -H "Authorization: Bearer $KEY" $TICKLIST/api/v1/checklists
                Ctrl-C stops everything.
                """, seconds, settings.gatewayUrl(), demo.organisationId(), demo.apiKey(), settings.adminKey(),
                inbox.url(), kafka.bootstrapServers(), redis.port(), actuators(managementPorts), logs,
                (kept.resumed() ? "resumed from " : "new, kept in ") + kept.dir()
                        + (kept.resumed() ? " (./devstack.sh --fresh starts empty)" : " for the next run"),
                settings.gatewayUrl(), demo.apiKey());
        stopped.await();
    }
}
