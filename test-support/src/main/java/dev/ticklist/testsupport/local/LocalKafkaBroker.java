package dev.ticklist.testsupport.local;

import dev.ticklist.testsupport.TestTier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker in KRaft mode, run in this JVM from the Kafka jars.
 * It listens on, and advertises, 127.0.0.1 only.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    /** Where a kept broker remembers its controller's port, so its next start finds the same quorum. */
    private static final String CONTROLLER_PORT_FILE = "controller.port";

    private final KafkaRaftServer server;
    private final Path logDir;
    private final int port;
    private final boolean kept;

    private LocalKafkaBroker(KafkaRaftServer server, Path logDir, int port, boolean kept) {
        this.server = server;
        this.logDir = logDir;
        this.port = port;
        this.kept = kept;
    }

    public static LocalKafkaBroker start() {
        return start(FreePorts.next());
    }

    public static LocalKafkaBroker start(int port) {
        try {
            return start(port, Files.createTempDirectory("ticklist-kafka-"), false);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a local Kafka broker", e);
        }
    }

    /**
     * A broker whose data stays in {@code dataDir} after it stops, and which starts again on
     * what it holds: topics, events, consumer groups' offsets.
     */
    public static LocalKafkaBroker startKept(int port, Path dataDir) {
        return start(port, dataDir, true);
    }

    /** Whether {@code dataDir} holds a broker's data from an earlier run. */
    public static boolean holdsData(Path dataDir) {
        return Files.isRegularFile(dataDir.resolve("meta.properties"));
    }

    /**
     * A broker on a deployment's own settings (its {@code server.properties}: listeners'
     * security, authorizer, super users), moved to loopback ports and a temporary directory: its
     * inter-broker listener on a free port, which clients use, and its controller on another.
     * Like the deployment's start script, it formats the storage with the broker's SCRAM-SHA-512
     * user {@code admin} and logs in with it between broker and listener.
     */
    public static LocalKafkaBroker startAsDeployed(Properties deployment, String adminPassword) {
        TestTier.requireIntegration("a Kafka broker");
        keepKafkaFromExitingTheJvm();
        try {
            Path logDir = Files.createTempDirectory("ticklist-kafka-deployed-");
            int port = FreePorts.next();
            int controllerPort = FreePorts.next();
            String listener = deployment.getProperty("inter.broker.listener.name");
            String controller = deployment.getProperty("controller.listener.names");
            Properties config = config(port, controllerPort, logDir);
            config.keySet().removeIf(key -> key.toString().contains("listener") || key.equals("super.users"));
            deployment.forEach((key, value) -> config.put(key, value));
            config.put("log.dirs", logDir.toString());
            config.put("listeners", listener + "://127.0.0.1:" + port + "," + controller + "://127.0.0.1:" + controllerPort);
            config.put("advertised.listeners", listener + "://127.0.0.1:" + port);
            config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            config.put("listener.name." + listener.toLowerCase() + ".scram-sha-512.sasl.jaas.config",
                    scramLogin("admin", adminPassword));
            format(config, logDir, "--add-scram", "SCRAM-SHA-512=[name=admin,password=" + adminPassword + "]");
            var server = new KafkaRaftServer(KafkaConfig.fromProps(config), Time.SYSTEM);
            server.startup();
            return new LocalKafkaBroker(server, logDir, port, false);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a local Kafka broker", e);
        }
    }

    /** The JAAS line a client (or the broker) logs in with over SCRAM. */
    public static String scramLogin(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    private static LocalKafkaBroker start(int port, Path logDir, boolean kept) {
        TestTier.requireIntegration("a Kafka broker");
        keepKafkaFromExitingTheJvm();
        try {
            Files.createDirectories(logDir);
            Properties config = config(port, controllerPort(logDir, kept), logDir);
            if (!holdsData(logDir)) {
                // Formatting names a new cluster; storage formatted before keeps its own.
                format(config, logDir);
            }
            var server = new KafkaRaftServer(KafkaConfig.fromProps(config), Time.SYSTEM);
            server.startup();
            return new LocalKafkaBroker(server, logDir, port, kept);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a local Kafka broker", e);
        }
    }

    private static int controllerPort(Path logDir, boolean kept) throws IOException {
        Path file = logDir.resolve(CONTROLLER_PORT_FILE);
        int port = kept && Files.isRegularFile(file)
                ? FreePorts.preferred(Integer.parseInt(Files.readString(file).strip())) : FreePorts.next();
        if (kept) {
            Files.writeString(file, Integer.toString(port));
        }
        return port;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (!kept) {
            deleteRecursively(logDir);
        }
    }

    private static Properties config(int port, int controllerPort, Path logDir) {
        var p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // Topics are created by the services with their settings, never by accident.
        p.put("auto.create.topics.enable", "false");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Threads for the cores it shares with the services (tests, benchmarks, the devstack): Kafka's
        // defaults, 3 network and 8 request threads, suit a broker with a server of its own; on two
        // cores the extra threads only hand requests to each other (docs/benchmarks.md, "Session 21").
        int cores = Runtime.getRuntime().availableProcessors();
        p.put("num.network.threads", Integer.toString(Math.max(1, cores / 2)));
        p.put("num.io.threads", Integer.toString(Math.max(2, cores)));
        return p;
    }

    private static void format(Properties config, Path logDir, String... options) throws IOException {
        Path file = logDir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file)) {
            config.store(out, "ticklist local broker");
        }
        var output = new ByteArrayOutputStream();
        var arguments = new ArrayList<>(List.of(
                "format", "-t", Uuid.randomUuid().toString(), "-c", file.toString(), "--ignore-formatted"));
        arguments.addAll(List.of(options));
        int status = StorageTool.execute(arguments.toArray(String[]::new),
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("formatting Kafka storage failed: " + output);
        }
    }

    /** A broker in the same JVM must not end it on a fatal error; the caller sees the failure instead. */
    private static void keepKafkaFromExitingTheJvm() {
        Exit.setExitProcedure((code, message) -> {
            throw new IllegalStateException("Kafka asked to exit(" + code + "): " + message);
        });
        Exit.setHaltProcedure((code, message) -> {
            throw new IllegalStateException("Kafka asked to halt(" + code + "): " + message);
        });
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temp directory left behind is harmless.
        }
    }
}
