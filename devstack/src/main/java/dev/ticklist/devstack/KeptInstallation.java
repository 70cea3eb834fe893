package dev.ticklist.devstack;

import dev.ticklist.testsupport.local.LocalKafkaBroker;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * What the local stack keeps between runs, in a folder of the checkout that git ignores
 * ({@code .devstack/data}): the broker's data — every event, so every organisation, key, cohort
 * and tick — and what must match it: the secrets the events were made with (the webhook
 * encryption key, above all) and the demo organisation's key. Redis is not kept: the services
 * rebuild what they keep there from the events.
 */
final class KeptInstallation {

    private static final String SETTINGS = "stack.properties";
    private static final String DEMO_ORGANISATION = "demo.organisation-id";
    private static final String DEMO_KEY = "demo.api-key";

    private final Path dir;
    private final boolean resumed;
    private final Properties settings = new Properties();

    private KeptInstallation(Path dir, boolean resumed) {
        this.dir = dir;
        this.resumed = resumed;
    }

    /** The installation kept in {@code dir}; {@code fresh} forgets what it held first. */
    static KeptInstallation at(Path dir, boolean fresh) {
        try {
            if (fresh || !LocalKafkaBroker.holdsData(dir.resolve("kafka"))) {
                // Secrets without the events they belong to (or the other way round) are no use.
                deleteRecursively(dir);
            }
            Files.createDirectories(dir);
            var kept = new KeptInstallation(dir, LocalKafkaBroker.holdsData(dir.resolve("kafka")));
            Path file = dir.resolve(SETTINGS);
            if (Files.isRegularFile(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    kept.settings.load(in);
                }
            }
            return kept;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + dir, e);
        }
    }

    /** Whether this run goes on with what an earlier one left. */
    boolean resumed() {
        return resumed;
    }

    Path dir() {
        return dir;
    }

    Path kafkaData() {
        return dir.resolve("kafka");
    }

    /** The kept value of a secret, made by {@code fresh} (and kept) the first time. */
    String secret(String name, Supplier<String> fresh) {
        String value = settings.getProperty(name);
        if (value == null) {
            value = fresh.get();
            settings.setProperty(name, value);
            save();
        }
        return value;
    }

    record Demo(String organisationId, String apiKey) {
    }

    Optional<Demo> demo() {
        String organisation = settings.getProperty(DEMO_ORGANISATION);
        String key = settings.getProperty(DEMO_KEY);
        return organisation == null || key == null ? Optional.empty() : Optional.of(new Demo(organisation, key));
    }

    void keepDemo(Demo demo) {
        settings.setProperty(DEMO_ORGANISATION, demo.organisationId());
        settings.setProperty(DEMO_KEY, demo.apiKey());
        save();
    }

    private void save() {
        try (Writer out = Files.newBufferedWriter(dir.resolve(SETTINGS))) {
            settings.store(out, "the local stack's secrets and demo key; made for this checkout only");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + dir.resolve(SETTINGS), e);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException error) throws IOException {
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
