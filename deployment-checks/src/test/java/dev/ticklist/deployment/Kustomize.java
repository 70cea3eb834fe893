package dev.ticklist.deployment;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The real kustomize: {@code kubectl kustomize <dir>} (kustomize v5), which reads local files and
 * opens no connection. What it prints is what {@code kubectl apply -k} would send, so the checks
 * validate exactly that. Not a Maven artifact: bin/install-kubectl.sh puts a kubectl where
 * {@link #kubectl()} looks (CI runs it). Without one a test that renders is skipped, saying so,
 * except in CI, where it fails.
 */
final class Kustomize {

    static final String INSTALL_HINT = "run bin/install-kubectl.sh (CI does), or put a kubectl 1.27+ on the PATH";

    /** Renderings by folder: several tests render the same overlays in one JVM. */
    private static final Map<Path, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /** The documents {@code kubectl kustomize dir} prints, in its order; each call gets its own copies. */
    static List<ObjectNode> render(Path dir) {
        Path kubectl = kubectlOrSkip();
        return RENDERED.computeIfAbsent(dir.toAbsolutePath().normalize(), folder -> run(kubectl, folder))
                .stream().map(ObjectNode::deepCopy).toList();
    }

    /**
     * The first kubectl with kustomize v5 or later (the manifests use its fields): $KUBECTL, else
     * where bin/install-kubectl.sh puts it, else on the PATH. An older one is passed over.
     */
    private static final Pattern KUSTOMIZE_V5 = Pattern.compile("(?m)^Kustomize Version: v([5-9]|[1-9][0-9])\\.");

    static Optional<Path> kubectl() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv("KUBECTL");
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        String tools = System.getenv("TICKLIST_TOOLS");
        candidates.add((tools != null && !tools.isBlank()
                ? Path.of(tools)
                : Path.of(System.getProperty("user.home"), ".cache", "ticklist", "tools")).resolve("kubectl"));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                candidates.add(Path.of(dir, "kubectl"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).filter(Kustomize::hasKustomizeV5).findFirst();
    }

    private static boolean hasKustomizeV5(Path kubectl) {
        try {
            Process version = new ProcessBuilder(kubectl.toString(), "version", "--client")
                    .redirectErrorStream(true).start();
            String printed = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return version.waitFor() == 0 && KUSTOMIZE_V5.matcher(printed).find();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path kubectlOrSkip() {
        Optional<Path> kubectl = kubectl();
        if (kubectl.isEmpty() && "true".equals(System.getenv("CI"))) {
            fail("kubectl is missing, and CI must check the manifests it renders: " + INSTALL_HINT);
        }
        assumeTrue(kubectl.isPresent(), "kubectl not found, k8s/ is not rendered nor checked: " + INSTALL_HINT);
        return kubectl.get();
    }

    private static List<ObjectNode> run(Path kubectl, Path dir) {
        String command = kubectl + " kustomize " + dir;
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString()).start();
            CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> {
                try {
                    return process.getErrorStream().readAllBytes();
                } catch (IOException e) {
                    return e.toString().getBytes(StandardCharsets.UTF_8);
                }
            });
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish in 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed (kustomize v5 is needed: " + INSTALL_HINT + "): "
                        + new String(stderr.join(), StandardCharsets.UTF_8).strip());
            }
            List<ObjectNode> documents = new ArrayList<>();
            for (JsonNode document : YamlDocuments.parseAll(stdout)) {
                documents.add(YamlDocuments.object(document, command));
            }
            return List.copyOf(documents);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }
}
