package dev.ticklist.devstack;

import dev.ticklist.testsupport.local.FreePorts;
import dev.ticklist.testsupport.local.LocalKafkaBroker;
import dev.ticklist.testsupport.local.LocalRedisServer;
import dev.ticklist.testsupport.http.JsonHttp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the whole of Ticklist on this machine with nothing but a JDK: a real Kafka broker
 * (KRaft, from the Kafka jars), a real Redis, the four services, a demo organisation and a
 * webhook inbox. Ctrl-C stops everything it started.
 */
public final class Devstack {

    private Devstack() {
    }

    public static void main(String[] args) throws Exception {
        long begin = System.nanoTime();
        Path root = Stack.projectRoot();
        var out = System.out;
        out.println("Starting Kafka and Redis...");
        var kafka = LocalKafkaBroker.start(FreePorts.preferred(9092));
        var redis = LocalRedisServer.start(FreePorts.preferred(6379));
        var settings = StackSettings.withFreshSecrets(kafka.bootstrapServers(), "127.0.0.1", redis.port(),
                FreePorts.preferred(8080), FreePorts.preferred(8081), FreePorts.preferred(8082), FreePorts.preferred(8083));
        var inbox = WebhookInbox.start(FreePorts.preferred(8099), out);
        Path logs = root.resolve(".devstack").resolve("logs");
        out.println("Starting the four services (logs in " + logs + ")...");
        Stack stack;
        try {
            stack = Stack.start(root, settings, logs);
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

        var demo = JsonHttp.at(settings.gatewayUrl()).withBearer(settings.adminKey())
                .post("/admin/v1/organisations", Map.of("name", "Demo Academy"));
        if (demo.status() != 201) {
            throw new IllegalStateException("could not create the demo organisation: " + demo);
        }
        var organisation = demo.json();
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
                  Logs:                  %s

                Try:  export TICKLIST=%s KEY=%s
                      curl -s -H "Authorization: Bearer $KEY" $TICKLIST/api/v1/checklists
                Ctrl-C stops everything.
                """, seconds, settings.gatewayUrl(), organisation.get("organisationId").asString(),
                organisation.get("apiKey").asString(), settings.adminKey(), inbox.url(),
                kafka.bootstrapServers(), redis.port(), logs,
                settings.gatewayUrl(), organisation.get("apiKey").asString());
        stopped.await();
    }
}
