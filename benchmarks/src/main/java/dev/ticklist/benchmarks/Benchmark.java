package dev.ticklist.benchmarks;

import dev.ticklist.events.Topics;
import dev.ticklist.platform.identity.IdentityKeys;
import dev.ticklist.testsupport.local.FreePorts;
import dev.ticklist.testsupport.local.LocalKafkaBroker;
import dev.ticklist.testsupport.local.LocalRedisServer;
import dev.ticklist.testsupport.process.ServiceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * One benchmark run: fresh broker and Redis, load published, the raw consumer rate as the
 * reference, then the real progress-service rebuilding its projections from the topics.
 */
public final class Benchmark {

    /** The projection generation the service builds; its Redis keys name it. */
    static final String GENERATION = "1";

    /** A mode of its own, named by the first argument; without one, the rebuild benchmark. */
    @FunctionalInterface
    private interface Mode {
        void main(String[] args) throws Exception;
    }

    private static final Map<String, Mode> MODES = Map.of(
            "startup", StartupBenchmark::main,
            "webhooks", WebhookBenchmark::main,
            "imports", ImportBenchmark::main,
            "dashboard", DashboardBenchmark::main,
            "requests", RequestBenchmark::main,
            "stack", StackBenchmark::main);

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        var mode = args.length > 0 ? MODES.get(args[0]) : null;
        if (mode != null) {
            mode.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        BenchmarkSettings settings;
        try {
            settings = BenchmarkSettings.of(args);
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try (var started = new StartedResources()) {
            var report = run(settings, started);
            System.out.println();
            System.out.println(report.text());
            System.out.println(report.markdown());
        } catch (Exception e) {
            System.err.println("benchmark failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        // The in-process broker leaves non-daemon threads behind; end the JVM explicitly.
        System.exit(0);
    }

    private static BenchmarkReport run(BenchmarkSettings settings, StartedResources started) throws Exception {
        String activity = Topics.LEARNER_ACTIVITY.name();
        say("starting Redis and a Kafka broker");
        var redis = started.add(LocalRedisServer.start());
        var broker = started.add(LocalKafkaBroker.start());
        var admin = started.add(Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers())));
        TopicSetup.createAll(admin);

        var generator = new LoadGenerator(broker.bootstrapServers(),
                TickDistribution.of(settings.distribution(), settings.learners()));
        say("publishing the checklist and %,d ticks over %,d learners, %s", settings.events(), settings.learners(),
                generator.distribution());
        Rate producer = generator.publish(settings.events());
        say("  producer: %s", producer);
        long records = EndOffsets.sum(admin, activity);

        say("reading them with a bare consumer");
        Rate raw = RawConsumerRate.measure(broker.bootstrapServers(), activity, records, settings.timeout());
        say("  raw consumer: %s", raw);

        // A group of its own, so the service reads the topics from their start.
        String groupId = "bench-service-" + UUID.randomUUID();
        var jvmOptions = new ArrayList<String>(List.of("-Xmx" + settings.serviceHeap()));
        jvmOptions.addAll(settings.serviceJvmOptions());
        long processStart = System.nanoTime();
        // Full JIT (no FAST_START): steady throughput is what is measured.
        var service = started.add(ServiceProcess.start(settings.projectRoot(), "progress-service",
                FreePorts.next(), Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                        "REDIS_HOST", "127.0.0.1",
                        "REDIS_PORT", Integer.toString(redis.port()),
                        IdentityKeys.PUBLIC_KEY_VARIABLE, IdentityKeys.generate().encodedPublicKey(),
                        "SPRING_KAFKA_CONSUMER_GROUP_ID", groupId,
                        "TICKLIST_PROGRESS_GENERATION", GENERATION),
                settings.projectRoot().resolve("benchmarks").resolve("target"),
                jvmOptions));
        say("started %s (log: %s); waiting for it to catch up", service.jar().getFileName(), service.log());
        var atFirstCommit = new AtomicReference<ResourceUse>();
        var rebuild = RebuildRate.measure(service, admin, groupId, activity, records, Topics.COHORT_PROGRESS.name(),
                processStart, settings.timeout(), () -> atFirstCommit.set(ResourceUse.read(service.pid(), redis.port())));
        var used = ResourceUse.read(service.pid(), redis.port()).since(atFirstCommit.get());
        say("  learner activity: %s; full rebuild: %s", rebuild.learnerActivity(), rebuild.full());
        var gauges = RebuildGauges.await(service.url(), Duration.ofSeconds(10));
        // Counted before the live phases add to them: these describe the rebuild.
        var keys = RedisKeys.count(redis.port(), GENERATION);
        long milestones = EndOffsets.sum(admin, Topics.MILESTONES.name());
        long deadLetteredActivity = EndOffsets.sum(admin, Topics.LEARNER_ACTIVITY.deadLetterTopic());
        long deadLetteredCohort = EndOffsets.sum(admin, Topics.COHORT_PROGRESS.deadLetterTopic());

        var live = new ArrayList<LivePhase.Result>();
        var phase = new LivePhase(generator, service, redis.port(), admin, groupId, settings.timeout());
        for (int rate : settings.livePhases()) {
            say("live: %,d events/s (each toggling an item) for %d s", rate, settings.liveLength().toSeconds());
            var result = phase.run(rate, settings.liveLength());
            say("  producer: %s (%,d ticks / %,d unticks); caught up: %s after the last ack", result.achieved(),
                    result.ticks(), result.unticks(),
                    result.catchUp().caughtUp() ? String.format("%.1f s", result.catchUp().seconds())
                            : "NOT within " + settings.timeout());
            live.add(result);
        }

        return new BenchmarkReport(settings.events(), settings.learners(), generator.distribution(), producer, raw,
                rebuild, used, gauges, keys, milestones, deadLetteredActivity, deadLetteredCohort, live);
    }

    static void say(String format, Object... values) {
        System.out.printf("%tT  %s%n", System.currentTimeMillis(), String.format(format, values));
    }

}
