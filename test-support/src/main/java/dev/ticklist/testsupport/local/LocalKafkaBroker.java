package dev.ticklist.testsupport.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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

    private final KafkaRaftServer server;
    private final Path logDir;
    private final int port;

    private LocalKafkaBroker(KafkaRaftServer server, Path logDir, int port) {
        this.server = server;
        this.logDir = logDir;
        this.port = port;
    }

    public static LocalKafkaBroker start() {
        return start(FreePorts.next());
    }

    public static LocalKafkaBroker start(int port) {
        keepKafkaFromExitingTheJvm();
        try {
            Path logDir = Files.createTempDirectory("ticklist-kafka-");
            Properties config = config(port, FreePorts.next(), logDir);
            format(config, logDir);
            var server = new KafkaRaftServer(KafkaConfig.fromProps(config), Time.SYSTEM);
            server.startup();
            return new LocalKafkaBroker(server, logDir, port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a local Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        deleteRecursively(logDir);
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
        return p;
    }

    private static void format(Properties config, Path logDir) throws IOException {
        Path file = logDir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file)) {
            config.store(out, "ticklist local broker");
        }
        var output = new ByteArrayOutputStream();
        int status = StorageTool.execute(new String[] {
                "format", "-t", Uuid.randomUuid().toString(), "-c", file.toString(), "--ignore-formatted"},
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
