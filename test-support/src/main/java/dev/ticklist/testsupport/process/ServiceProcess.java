package dev.ticklist.testsupport.process;

import dev.ticklist.testsupport.TestTier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One Ticklist service running as its own JVM from its Spring Boot jar, logging to a file: how
 * the local stack, the end-to-end tests and the benchmarks run services, exactly as they run
 * elsewhere. The jar runs extracted (Spring Boot's {@code -Djarmode=tools extract}, its own
 * recipe for quicker starts): the same classes and libraries, loaded from plain jars on the class
 * path instead of from jars nested in the uber jar, which takes about 40% less CPU per start (on
 * two cores progress-service is ready in about 6 s instead of 10).
 */
public final class ServiceProcess implements AutoCloseable {

    /** Quick to start, for the local stack and tests: C1 only, small heap. */
    public static final List<String> FAST_START = List.of(
            "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final int managementPort;
    private final Process process;
    private final Path log;
    private final Path jar;

    private ServiceProcess(String name, int port, int managementPort, Process process, Path log, Path jar) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.log = log;
        this.jar = jar;
    }

    public static ServiceProcess start(Path projectRoot, String name, int port, Map<String, String> environment,
                                       Path logDir) {
        return start(projectRoot, name, port, environment, logDir, FAST_START);
    }

    public static ServiceProcess start(Path projectRoot, String name, int port, Map<String, String> environment,
                                       Path logDir, List<String> jvmOptions) {
        TestTier.requireIntegration(name + " as a process");
        Path jar = jarOf(projectRoot, name);
        Path log = logDir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", extracted(jar).toString()));
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        // The actuator on a port of its own when the environment asks for one, as in the image.
        int managementPort = Integer.parseInt(environment.getOrDefault("MANAGEMENT_SERVER_PORT", Integer.toString(port)));
        try {
            Files.createDirectories(logDir);
            return new ServiceProcess(name, port, managementPort, builder.start(), log, jar);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Where the actuator answers: {@link #url()} unless the service was given a management port. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public Path log() {
        return log;
    }

    public Path jar() {
        return jar;
    }

    public long pid() {
        return process.pid();
    }

    /** Fails when the service died, so a crashed run does not wait for its timeout. */
    public void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
        }
    }

    /** One look at the readiness group (Kafka and Redis connections), without waiting. */
    public boolean isReady() {
        var request = HttpRequest.newBuilder(URI.create(managementUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until the service's readiness group (its Kafka and Redis connections) is up. */
    public void awaitReady(Duration timeout) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            requireAlive();
            if (isReady()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new TimeoutException(name + " was not ready within " + timeout + "; see " + log);
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

    private static Path jarOf(Path projectRoot, String name) {
        Path target = projectRoot.resolve(name).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().matches(name + "-[^-].*\\.jar"))
                    .filter(file -> !file.getFileName().toString().endsWith("-sources.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no jar of " + name + " in " + target
                            + ": build first with ./mvnw -DskipTests package"));
        } catch (IOException e) {
            throw new IllegalStateException(name + " is not built (" + target + " missing): run ./mvnw -DskipTests package", e);
        }
    }

    /**
     * The jar extracted beside it, in {@code target/<jar name>-extracted/<size>-<modified>/}: once
     * per build of the jar, in a temporary folder renamed into place, so concurrent starts and
     * runs never see half an extraction; earlier builds' extractions are removed.
     */
    private static Path extracted(Path jar) {
        String jarName = jar.getFileName().toString();
        Path root = jar.resolveSibling(jarName.replaceFirst("\\.jar$", "") + "-extracted");
        try {
            String build = Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis();
            Path folder = root.resolve(build);
            Path extractedJar = folder.resolve(jarName);
            synchronized (ServiceProcess.class) {
                if (Files.isRegularFile(extractedJar)) {
                    return extractedJar;
                }
                Files.createDirectories(root);
                Path scratch = Files.createTempDirectory(root, "extracting-");
                try {
                    extract(jar, scratch.resolve("out"));
                    try {
                        Files.move(scratch.resolve("out"), folder, StandardCopyOption.ATOMIC_MOVE);
                    } catch (FileSystemException anotherRunWasFirst) {
                        // Extracted by a concurrent run (another JVM) from the same build: use that one.
                        // Renaming onto its folder fails as "not empty", a plain FileSystemException.
                        if (!Files.isRegularFile(extractedJar)) {
                            throw anotherRunWasFirst;
                        }
                    }
                } finally {
                    deleteRecursively(scratch);
                }
                try (Stream<Path> others = Files.list(root)) {
                    others.filter(other -> !other.equals(folder) && (isBuild(other) || isAbandoned(other)))
                            .forEach(ServiceProcess::deleteRecursively);
                }
                if (!Files.isRegularFile(extractedJar)) {
                    throw new IllegalStateException("extracting " + jar + " left no " + extractedJar);
                }
                return extractedJar;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract " + jar, e);
        }
    }

    private static void extract(Path jar, Path destination) throws IOException {
        Path output = destination.resolveSibling("extract.log");
        var extraction = new ProcessBuilder(javaExecutable(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Djarmode=tools", "-jar", jar.toString(),
                "extract", "--destination", destination.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            if (!extraction.waitFor(2, TimeUnit.MINUTES)) {
                extraction.destroyForcibly();
                throw new IllegalStateException("extracting " + jar + " took over 2 minutes");
            }
        } catch (InterruptedException e) {
            extraction.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting " + jar, e);
        }
        if (extraction.exitValue() != 0) {
            throw new IllegalStateException("extracting " + jar + " failed (" + extraction.exitValue() + "): "
                    + Files.readString(output));
        }
    }

    private static boolean isBuild(Path folder) {
        return folder.getFileName().toString().matches("\\d+-\\d+");
    }

    /** An extraction that never finished (its run died); a recent one may still be under way in another run. */
    private static boolean isAbandoned(Path folder) {
        try {
            return Files.getLastModifiedTime(folder).toInstant().isBefore(Instant.now().minus(Duration.ofHours(1)));
        } catch (IOException gone) {
            return false;
        }
    }

    /** Best effort: what cannot be deleted (a concurrent run still using it) stays. */
    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            tree.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException stillInUse) {
                    // left for the next run
                }
            });
        } catch (IOException | UncheckedIOException leftForTheNextRun) {
            // left for the next run
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
