package dev.ticklist.testsupport.local;

import dev.ticklist.testsupport.TestTier;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * A real Redis server process bound to 127.0.0.1: the {@code redis-server} on the PATH when
 * there is one, otherwise the binary that the embedded-redis package ships. Nothing is saved
 * to disk; Redis only ever holds derived data.
 */
public final class LocalRedisServer implements AutoCloseable {

    private final RedisServer server;
    private final int port;
    private final String binary;

    private LocalRedisServer(RedisServer server, int port, String binary) {
        this.server = server;
        this.port = port;
        this.binary = binary;
    }

    public static LocalRedisServer start() {
        return start(FreePorts.next());
    }

    public static LocalRedisServer start(int port) {
        TestTier.requireIntegration("a Redis server");
        Optional<File> onPath = redisServerOnPath();
        ExecutableProvider executable = onPath.<ExecutableProvider>map(file -> () -> file)
                .orElseGet(ExecutableProvider::newJarResourceProvider);
        try {
            var server = RedisServer.newRedisServer()
                    .executableProvider(executable)
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .setting("protected-mode yes")
                    .build();
            server.start();
            return new LocalRedisServer(server, port, onPath.map(File::toString).orElse("embedded-redis binary"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a local Redis server", e);
        }
    }

    public int port() {
        return port;
    }

    public String binary() {
        return binary;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The redis-server on the PATH, if any; preferred to the embedded-redis binary (also by LocalRedisCluster). */
    static Optional<File> redisServerOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir, "redis-server"))
                .filter(Files::isExecutable)
                .map(Path::toFile)
                .findFirst();
    }
}
