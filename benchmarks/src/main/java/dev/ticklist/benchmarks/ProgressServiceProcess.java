package dev.ticklist.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real progress-service jar as its own JVM, logging to a file (the approach of devstack's
 * ServiceProcess, which is package-private there). Unlike devstack it does not pass
 * {@code -XX:TieredStopAtLevel=1}: that flag speeds up startup but leaves the code to C1 only,
 * which would understate steady-state throughput.
 */
final class ProgressServiceProcess implements AutoCloseable {

    private static final String NAME = "progress-service";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Process process;
    private final Path jar;
    private final Path log;
    private final HttpRequest readiness;

    private ProgressServiceProcess(Process process, Path jar, Path log, int port) {
        this.process = process;
        this.jar = jar;
        this.log = log;
        this.readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(1)).build();
    }

    static ProgressServiceProcess start(Path projectRoot, String heap, int port, Map<String, String> environment) {
        Path jar = jarOf(projectRoot);
        Path log = projectRoot.resolve("benchmarks").resolve("target").resolve(NAME + ".log");
        var builder = new ProcessBuilder(List.of(javaExecutable(), "-Xmx" + heap, "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        try {
            Files.createDirectories(log.getParent());
            return new ProgressServiceProcess(builder.start(), jar, log, port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + jar, e);
        }
    }

    Path jar() {
        return jar;
    }

    Path log() {
        return log;
    }

    /** Fails when the service died, so a crashed run does not wait for its timeout. */
    void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(NAME + " exited with " + process.exitValue() + "; see " + log);
        }
    }

    /** One look at the readiness group (Kafka and Redis connections), without waiting. */
    boolean isReady() {
        try {
            return HTTP.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The Spring Boot jar, not the plain {@code .jar.original} Maven leaves beside it. */
    private static Path jarOf(Path projectRoot) {
        Path target = projectRoot.resolve(NAME).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().matches(NAME + "-[^-].*\\.jar"))
                    .filter(file -> !file.getFileName().toString().endsWith("-sources.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no jar of " + NAME + " in " + target
                            + ": build first with ./mvnw -DskipTests package"));
        } catch (IOException e) {
            throw new IllegalStateException(NAME + " is not built (" + target + " missing): run ./mvnw -DskipTests package", e);
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
