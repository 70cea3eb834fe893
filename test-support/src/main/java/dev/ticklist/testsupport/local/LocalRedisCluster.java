package dev.ticklist.testsupport.local;

import dev.ticklist.testsupport.TestTier;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.SlotHash;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * A real Redis Cluster of three masters (no replicas) on 127.0.0.1, each a {@code redis-server}
 * process found as {@link LocalRedisServer} finds one (the PATH, else the binary the
 * embedded-redis package ships). The 16384 slots are split in three ranges; the cluster is formed
 * with plain commands ({@code CLUSTER ADDSLOTS}, {@code CLUSTER MEET}) sent by Lettuce's
 * standalone client, so no {@code redis-cli} is needed. Nothing is saved to disk; {@link #close()} stops the processes and deletes their
 * files.
 *
 * <p>Redis 6.2 listens for the cluster bus on the client port + 10000, so each node's port is
 * chosen with that one free too.
 */
public final class LocalRedisCluster implements AutoCloseable {

    public static final int SLOTS = 16384;
    private static final Duration FORMING = Duration.ofSeconds(20);

    private final List<Node> nodes;
    private final Path directory;
    private final String binary;
    private final RedisClient client = RedisClient.create();

    /** One master: its port and the slots {@code [firstSlot, lastSlot]} it was given. */
    public record Node(int port, int firstSlot, int lastSlot, RedisServer process) {

        public String address() {
            return "127.0.0.1:" + port;
        }

        public boolean serves(int slot) {
            return slot >= firstSlot && slot <= lastSlot;
        }
    }

    private LocalRedisCluster(List<Node> nodes, Path directory, String binary) {
        this.nodes = List.copyOf(nodes);
        this.directory = directory;
        this.binary = binary;
    }

    /**
     * One cluster per JVM, started on first use and stopped when the JVM exits; tests keep apart
     * by their own keys.
     */
    public static LocalRedisCluster shared() {
        return Shared.INSTANCE;
    }

    private static final class Shared {
        static final LocalRedisCluster INSTANCE = startShared();

        private static LocalRedisCluster startShared() {
            LocalRedisCluster cluster = start();
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "redis-cluster-stop"));
            return cluster;
        }

        private Shared() {
        }
    }

    /** Starts three masters and forms a cluster of them; returns once every node serves every slot. */
    public static LocalRedisCluster start() {
        return start(3);
    }

    public static LocalRedisCluster start(int masters) {
        TestTier.requireIntegration("a Redis Cluster");
        if (masters < 1 || masters > 16) {
            throw new IllegalArgumentException("1 to 16 masters, not " + masters);
        }
        Optional<File> onPath = LocalRedisServer.redisServerOnPath();
        Path directory;
        ExecutableProvider executable;
        try {
            directory = Files.createTempDirectory("ticklist-redis-cluster-");
            // Found (or unpacked from the jar) once for the three processes.
            File binary = onPath.isPresent() ? onPath.get() : ExecutableProvider.newJarResourceProvider().get();
            executable = () -> binary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var started = new ArrayList<Node>();
        try {
            for (int i = 0; i < masters; i++) {
                int first = SLOTS * i / masters;
                int last = SLOTS * (i + 1) / masters - 1;
                started.add(startNode(executable, directory, first, last));
            }
            var cluster = new LocalRedisCluster(started, directory,
                    onPath.map(File::toString).orElse("embedded-redis binary"));
            cluster.form();
            return cluster;
        } catch (RuntimeException e) {
            started.forEach(LocalRedisCluster::stopQuietly);
            deleteQuietly(directory);
            throw e;
        }
    }

    private static Node startNode(ExecutableProvider executable, Path directory, int first, int last) {
        IOException failure = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = portWithFreeBusPort();
            try {
                var server = RedisServer.newRedisServer()
                        .executableProvider(executable)
                        .port(port)
                        .bind("127.0.0.1")
                        .setting("cluster-enabled yes")
                        .setting("cluster-config-file " + directory.resolve("nodes-" + port + ".conf"))
                        .setting("cluster-node-timeout 5000")
                        .setting("dir " + directory)
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .setting("protected-mode yes")
                        .build();
                server.start();
                return new Node(port, first, last, server);
            } catch (IOException | RuntimeException e) {
                // The port (or its bus port) was taken between choosing and binding it: choose again.
                failure = e instanceof IOException io ? io : new IOException(e);
            }
        }
        throw new UncheckedIOException("could not start a Redis Cluster node", failure);
    }

    /** Gives each node its slots and a distinct config epoch, introduces them, and waits for {@code cluster_state:ok} everywhere. */
    private void form() {
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            long epoch = i + 1;
            onNode(node, commands -> {
                commands.clusterAddSlots(IntStream.rangeClosed(node.firstSlot(), node.lastSlot()).toArray());
                return commands.clusterSetConfigEpoch(epoch);
            });
        }
        onNode(nodes.getFirst(), commands -> {
            nodes.subList(1, nodes.size()).forEach(other -> commands.clusterMeet("127.0.0.1", other.port()));
            return null;
        });
        long deadline = System.nanoTime() + FORMING.toNanos();
        for (Node node : nodes) {
            while (!onNode(node, this::formedAsSeenBy)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the Redis Cluster did not form within " + FORMING
                            + "; " + node.address() + " reports:\n"
                            + onNode(node, commands -> commands.clusterInfo() + commands.clusterNodes()));
                }
                pause();
            }
        }
    }

    private boolean formedAsSeenBy(RedisCommands<String, String> commands) {
        String info = commands.clusterInfo();
        if (!info.contains("cluster_state:ok") || !info.contains("cluster_slots_ok:" + SLOTS)
                || !info.contains("cluster_known_nodes:" + nodes.size() + "\r")) {
            return false;
        }
        // Every node connected, not only known: a client asking any node sees the whole cluster.
        List<String> topology = commands.clusterNodes().lines().filter(line -> !line.isBlank()).toList();
        return topology.size() == nodes.size() && topology.stream().allMatch(line -> line.contains(" connected")
                && !line.contains("handshake") && !line.contains("fail") && !line.contains("noaddr"));
    }

    /**
     * Runs commands on one node's own connection. Lettuce's standalone client follows no
     * redirection, which is the point: each node is asked about itself.
     */
    private <T> T onNode(Node node, Function<RedisCommands<String, String>, T> commands) {
        try (var connection = client.connect(RedisURI.create("127.0.0.1", node.port()))) {
            return commands.apply(connection.sync());
        }
    }

    /** {@code 127.0.0.1:p1,127.0.0.1:p2,…}: the value of {@code spring.data.redis.cluster.nodes}. */
    public String nodes() {
        return nodes.stream().map(Node::address).collect(Collectors.joining(","));
    }

    public List<Node> masters() {
        return nodes;
    }

    public String binary() {
        return binary;
    }

    /** The hash slot of a key (CRC16 of its hash tag, or of the whole key without one), as Redis Cluster computes it. */
    public static int slotOf(String key) {
        return SlotHash.getSlot(key);
    }

    /** The master serving a key's slot. */
    public Node nodeOf(String key) {
        int slot = slotOf(key);
        return nodes.stream().filter(node -> node.serves(slot)).findFirst().orElseThrow();
    }

    /** The number of keys a node holds ({@code DBSIZE} on its own connection). */
    public long keyCount(Node node) {
        return onNode(node, RedisCommands::dbsize);
    }

    /** Keys matching a pattern on one node ({@code KEYS} on its own connection; for tests, on small data). */
    public List<String> keys(Node node, String pattern) {
        return onNode(node, commands -> commands.keys(pattern));
    }

    /** The milliseconds a key has left ({@code PTTL} on the node's own connection; -1 without expiry, -2 absent). */
    public long pttl(Node node, String key) {
        return onNode(node, commands -> commands.pttl(key));
    }

    /** Empties one node of data and scripts, as a restart without persistence would: the others keep theirs. */
    public void flush(Node node) {
        onNode(node, commands -> commands.flushall() + commands.scriptFlush());
    }

    @Override
    public void close() {
        client.shutdown();
        nodes.forEach(LocalRedisCluster::stopQuietly);
        deleteQuietly(directory);
    }

    @Override
    public String toString() {
        return "Redis Cluster (" + binary + ") at " + nodes();
    }

    private static void stopQuietly(Node node) {
        try {
            node.process().stop();
        } catch (IOException | RuntimeException ignored) {
            // Already gone.
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // Temporary files; the OS cleans up what is left.
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the Redis Cluster formed", e);
        }
    }

    /** A port in 20000–45000 free on loopback whose cluster bus port (+10000) is free as well. */
    private static int portWithFreeBusPort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 45_000);
            if (FreePorts.isFree(port) && FreePorts.isFree(port + 10_000)) {
                return port;
            }
        }
        throw new IllegalStateException("no free pair of ports (port, port + 10000) on loopback");
    }
}
