package dev.ticklist.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every setting the README and docs/ tell an operator to set is one a service reads: a setting
 * renamed in the code, or misspelt in the docs, would otherwise be set and silently ignored.
 * The services' own jars decide ({@link ServiceSettings}); a name that is no Spring setting must
 * be read by the repository's own code or scripts (a JDK's {@code JAVA_HOME}, test-support's
 * switch), be a constant of its code ({@code MarkdownLimits.MAX_ITEMS}) or a shell variable of
 * the page's own commands. A {@code ticklist.*} name (a property, a metric) must be in the code.
 */
class DocumentedSettingsIT {

    private static final Pattern CODE = Pattern.compile("(?ms)^```[a-z]*\\n(.*?)^```|`([^`\\n]+)`");
    private static final Pattern VARIABLE = Pattern.compile("(?<![\\w.$-])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?![\\w.(])");
    private static final Pattern PROPERTY = Pattern.compile("(?<![\\w./-])(ticklist\\.[a-z0-9-]+(?:\\.[a-z0-9-]+)+)");

    /** Settings of other software the docs tell an operator to set: Strimzi's, on a restricted cluster. */
    private static final Set<String> THIRD_PARTY = Set.of("STRIMZI_POD_SECURITY_PROVIDER_CLASS");

    @Test
    void everyVariableAndPropertyTheDocsNameIsASettingSomeServiceReads() {
        var settings = Repository.SERVICES.stream().map(ServiceSettings::of).toList();
        String code = repositoryCode();
        var unknown = new TreeSet<String>();
        for (Path page : pages()) {
            for (String named : namedSettings(page)) {
                boolean known = named.contains(".")
                        ? settings.stream().anyMatch(service -> service.knowsProperty(named)) || mentions(code, named)
                        : settings.stream().anyMatch(service -> service.knows(named)) || readByOurCode(named, code)
                                || THIRD_PARTY.contains(named) || read(page).contains("$" + named);
                if (!known) {
                    unknown.add(Repository.relative(page) + " names " + named);
                }
            }
        }
        assertThat(unknown).as("settings the docs name that no service reads (renamed? misspelt?)").isEmpty();
    }

    /** Variables ({@code TICKLIST_ADMIN_KEY}) and our properties ({@code ticklist.progress.cohort-thresholds}) in a page's code. */
    private static Set<String> namedSettings(Path page) {
        var named = new TreeSet<String>();
        Matcher code = CODE.matcher(read(page));
        while (code.find()) {
            String text = code.group(1) != null ? code.group(1) : code.group(2);
            for (Pattern setting : List.of(VARIABLE, PROPERTY)) {
                Matcher found = setting.matcher(text);
                while (found.find()) {
                    String name = found.group(1).replaceAll("[.-]+$", "");
                    if (!name.matches(".*\\.(example|com|org|dev)(\\..*)?")) { // host names, not properties
                        named.add(name);
                    }
                }
            }
        }
        return named;
    }

    /** The whole name, not the start of a longer one ({@code ….cohort-threshold} is not {@code ….cohort-thresholds}). */
    private static boolean mentions(String code, String name) {
        return Pattern.compile("(?<![\\w.-])" + Pattern.quote(name) + "(?![\\w-]|\\.\\w)").matcher(code).find();
    }

    /** Read by a script ({@code $JAVA_HOME}), looked up by name ({@code "TICKLIST_INFRASTRUCTURE"}), or a constant. */
    private static boolean readByOurCode(String name, String code) {
        return code.contains("$" + name) || code.contains("${" + name) || code.contains("\"" + name + "\"")
                || Pattern.compile("static final \\w+(<[^>]*>)? " + name + "\\b").matcher(code).find();
    }

    private static List<Path> pages() {
        var pages = new ArrayList<Path>();
        pages.add(Repository.root().resolve("README.md"));
        pages.add(Repository.root().resolve("k8s/README.md"));
        try (Stream<Path> docs = Files.list(Repository.root().resolve("docs"))) {
            docs.filter(page -> page.toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    /** The repository's Java sources and scripts, as one text to search. */
    private static String repositoryCode() {
        var text = new StringBuilder();
        var seen = new HashSet<Path>();
        try (Stream<Path> files = Files.walk(Repository.root())) {
            // What runs: main code, scripts, images, compose and k8s; never tests (a test naming an
            // old setting would make drift pass) nor this project's local state.
            files.filter(file -> !file.toString().contains("/target/") && !file.toString().contains("/.git/")
                            && !file.toString().contains("/src/test/") && !file.toString().contains("/.devstack/"))
                    .filter(file -> file.toString().endsWith(".java") || file.toString().endsWith(".sh")
                            || file.toString().endsWith(".properties") || file.toString().endsWith(".yml")
                            || file.getFileName().toString().equals("Dockerfile"))
                    .filter(seen::add)
                    .forEach(file -> text.append(read(file)).append('\n'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
