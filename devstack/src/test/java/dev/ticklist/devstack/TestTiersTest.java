package dev.ticklist.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tiers' rule where test-support's guard cannot see it (docs/testing.md): a test class that
 * starts the application or containers is an integration test, named {@code *IT}.
 */
class TestTiersTest {

    /** An annotation on a line of its own that starts the application or containers. */
    private static final Pattern INTEGRATION_ONLY = Pattern.compile("(?m)^\\s*@(SpringBootTest|Testcontainers)\\b");

    @Test
    void noUnitTestStartsTheApplicationOrContainers() throws IOException {
        Path root = Stack.projectRoot();
        List<String> offending;
        try (Stream<Path> files = Files.walk(root)) {
            offending = files.filter(file -> file.toString().contains("/src/test/java/")
                            && !file.toString().contains("/target/"))
                    .filter(file -> file.getFileName().toString().matches(".*Tests?\\.java"))
                    .filter(file -> INTEGRATION_ONLY.matcher(read(file)).find())
                    .map(file -> root.relativize(file).toString())
                    .toList();
        }
        assertThat(offending).as("unit tests (*Test) that start the application or containers: name them *IT")
                .isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
