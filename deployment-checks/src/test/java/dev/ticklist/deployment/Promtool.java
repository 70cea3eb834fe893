package dev.ticklist.deployment;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus' own checker of rules and queries. Not a Maven artifact: bin/install-promtool.sh
 * unpacks it from Debian's prometheus package (CI runs it), or a developer has one on the PATH.
 */
final class Promtool {

    static final String INSTALL_HINT = "run bin/install-promtool.sh (CI does), or put promtool on the PATH";

    private final Path executable;

    private Promtool(Path executable) {
        this.executable = executable;
    }

    record Result(int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** $PROMTOOL, else promtool on the PATH, else where bin/install-promtool.sh puts it. */
    static Optional<Promtool> find() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv("PROMTOOL");
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                candidates.add(Path.of(dir, "promtool"));
            }
        }
        candidates.add(installed());
        return candidates.stream().filter(Files::isExecutable).findFirst().map(Promtool::new);
    }

    /** The folder bin/install-promtool.sh unpacks into: $TICKLIST_TOOLS, by default ~/.cache/ticklist/tools. */
    private static Path installed() {
        String tools = System.getenv("TICKLIST_TOOLS");
        Path dir = tools != null && !tools.isBlank()
                ? Path.of(tools)
                : Path.of(System.getProperty("user.home"), ".cache", "ticklist", "tools");
        return dir.resolve("promtool");
    }

    /** The first line of promtool --version, e.g. "promtool, version 2.42.0+ds (...)". */
    String version() {
        return run(Path.of("."), "--version").output().lines().findFirst().orElse("promtool (unknown version)");
    }

    /** Runs promtool in {@code dir} (rule files name their tests' files relative to it). */
    Result run(Path dir, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 60 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + executable, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + executable, e);
        }
    }
}
