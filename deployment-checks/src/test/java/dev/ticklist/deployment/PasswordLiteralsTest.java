package dev.ticklist.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No deployment file holds a password: every one is made at first start (compose) or kept in a Secret
 * made by hand or by Strimzi (Kubernetes). A value after a password-like key is allowed only when it
 * is a reference: a shell or Compose variable, a command's output, a format placeholder.
 */
class PasswordLiteralsTest {

    /** {@code password=x}, {@code password: x}, {@code requirepass x}, {@code user_admin="x"} (PlainLoginModule). */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?i)(pass(word|wd)?|secret|requirepass|user_[a-z0-9-]+)[\"']?\\s*[=:]?\\s*[\"'\\\\]*([^\\s\"'\\\\,;\\]]+)");

    @Test
    void noDeploymentFileHoldsAPassword() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : deploymentFiles()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                for (String literal : literals(lines.get(i))) {
                    problems.add(Repository.relative(file) + ":" + (i + 1) + ": " + literal);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void literalsAreFoundAndReferencesPass() {
        assertThat(literals("--requirepass hunter2-secret")).containsExactly("requirepass hunter2-secret");
        assertThat(literals("SPRING_DATA_REDIS_PASSWORD: s3cret-value")).containsExactly("PASSWORD: s3cret-value");
        assertThat(literals("required username=\"admin\" password=\"admin-secret\";")).containsExactly("password=\"admin-secret");
        assertThat(literals("password=\"$(cat \"$kafka/$service\")\";")).isEmpty();
        assertThat(literals("SCRAM-SHA-512=[name=admin,password=$admin_password]")).isEmpty();
        assertThat(literals("  key: redis-password-gateway")).isEmpty();
        assertThat(literals("- name: SPRING_DATA_REDIS_PASSWORD")).isEmpty();
    }

    /** The password-like assignments of a line whose value is a literal (not a reference, not a name). */
    static List<String> literals(String line) {
        List<String> found = new ArrayList<>();
        Matcher matcher = ASSIGNMENT.matcher(line);
        while (matcher.find()) {
            String value = matcher.group(3);
            boolean assigned = !line.substring(matcher.end(1), matcher.start(3)).isBlank()
                    || matcher.group(1).equalsIgnoreCase("requirepass");
            boolean reference = value.startsWith("$") || value.startsWith("%") || value.startsWith("{")
                    || value.startsWith("<") || value.startsWith("-");
            // "key: redis-password" and "name: SPRING_..._PASSWORD" name a secret; a value follows "password" directly.
            boolean nameOnly = matcher.start(3) == matcher.end(1) || line.charAt(matcher.end(1)) == '-'
                    || line.charAt(matcher.end(1)) == '_';
            if (assigned && !reference && !nameOnly && value.length() >= 4) {
                found.add(line.substring(matcher.start(), matcher.end()).strip());
            }
        }
        return found;
    }

    private static List<Path> deploymentFiles() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Repository.composeFile(), Repository.dockerfile()));
        for (String dir : List.of("docker", "k8s")) {
            try (Stream<Path> walk = Files.walk(Repository.root().resolve(dir))) {
                // Prose (README.md) is not configuration.
                walk.filter(Files::isRegularFile).filter(file -> !file.toString().endsWith(".md")).sorted().forEach(files::add);
            }
        }
        return files;
    }
}
