package dev.ticklist.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Where the files under test live in the checkout this module is built from. */
final class Repository {

    /** The four services, each a Maven module, a compose service and a Deployment of the same name. */
    static final List<String> SERVICES =
            List.of("gateway", "checklist-service", "progress-service", "notification-service");

    private Repository() {
    }

    /** The repository root: the nearest folder up from the working directory with pom.xml and k8s/. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("pom.xml")) && Files.isDirectory(candidate.resolve("k8s"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no folder with pom.xml and k8s/ above " + dir);
    }

    static Path composeFile() {
        return root().resolve("docker-compose.yml");
    }

    static Path dockerfile() {
        return root().resolve("Dockerfile");
    }

    static Path kustomizeBase() {
        return root().resolve("k8s/base");
    }

    /** Every overlay folder under k8s/overlays (dev, prod, ...), sorted. */
    static List<Path> overlays() {
        Path overlays = root().resolve("k8s/overlays");
        if (!Files.isDirectory(overlays)) {
            throw new IllegalStateException("k8s/overlays does not exist in " + root());
        }
        try (Stream<Path> entries = Files.list(overlays)) {
            List<Path> found = entries.filter(Files::isDirectory).sorted().toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("k8s/overlays holds no overlay");
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base and every overlay: each must render on its own. */
    static List<Path> kustomizations() {
        List<Path> all = new ArrayList<>();
        all.add(kustomizeBase());
        all.addAll(overlays());
        return all;
    }

    /** The service's Spring Boot jar, built by the reactor before this module (see the pom). */
    static Path serviceJar(String service) {
        Path target = root().resolve(service).resolve("target");
        // Failsafe names the version (see the pom); run from an IDE, the one jar of the service is taken.
        String version = System.getProperty("ticklist.version");
        Path jar = version != null && !version.isBlank()
                ? target.resolve(service + "-" + version + ".jar")
                : onlyJar(target, service);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: package the service first (./mvnw package)");
        }
        return jar;
    }

    private static Path onlyJar(Path target, String service) {
        try (Stream<Path> files = Files.list(target)) {
            List<Path> jars = files
                    .filter(file -> file.getFileName().toString()
                            .matches(Pattern.quote(service) + "-[0-9][^/]*(?<!-plain)\\.jar"))
                    .toList();
            if (jars.size() != 1) {
                throw new IllegalStateException("expected one " + service + " jar in " + target + ", found " + jars
                        + "; set -Dticklist.version");
            }
            return jars.getFirst();
        } catch (IOException e) {
            throw new IllegalStateException(target + " cannot be listed: package the service first (./mvnw package)", e);
        }
    }

    /** A path shown relative to the repository root in messages. */
    static String relative(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            return root().relativize(absolute).toString();
        } catch (RuntimeException e) {
            return absolute.toString();
        }
    }
}
