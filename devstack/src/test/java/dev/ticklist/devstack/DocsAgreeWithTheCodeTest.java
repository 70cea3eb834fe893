package dev.ticklist.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README and docs/ say what the code does, checked against the code without running it:
 * counts, ports, files, scripts, modules, test names and links. (docs/api.md against the whole
 * API's OpenAPI document needs the running stack: {@code EndToEndIT}.)
 */
class DocsAgreeWithTheCodeTest {

    private static final Path ROOT = Stack.projectRoot();
    private static final MarkdownPage README = MarkdownPage.read(ROOT.resolve("README.md"));

    /** A repository path in code: {@code bin/install-chromium.sh}, {@code ./devstack.sh}, {@code k8s/overlays/prod}. */
    private static final Pattern PATH = Pattern.compile(
            "(?<![\\w$/.~:-])(?:\\./)?[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.*-]+)+/?|(?<![\\w$/.~:-])[A-Za-z0-9_.-]+\\.(?:sh|md|yml|yaml|json|xml|acl|properties)\\b");
    private static final Pattern FILE_NAME = Pattern.compile(".*\\.(sh|md|yml|yaml|json|xml|acl|properties)");
    private static final Pattern TEST_CLASS = Pattern.compile("(?<![\\w.@-])([A-Z][A-Za-z0-9]*[a-z0-9](?:Test|Tests|IT))\\b");

    @Test
    void theReadmeCountsTheAttacksOfTheAttackTable() {
        Matcher claim = Pattern.compile("a table of (\\d+) attacks, (\\d+) of them straight at the services' own ports")
                .matcher(README.text());
        assertThat(claim.find()).as("README.md states the attack count as 'a table of N attacks, M of them "
                + "straight at the services' own ports'").isTrue();
        var table = Attacks.table();
        long direct = table.stream().filter(attack -> attack.request().door() != Attacks.Door.GATEWAY).count();

        assertThat(Integer.parseInt(claim.group(1))).as("README.md's attack count; Attacks.table() has")
                .isEqualTo(table.size());
        assertThat(Long.parseLong(claim.group(2))).as("README.md's count of attacks on the services' own ports; "
                + "Attacks.table() has").isEqualTo(direct);
    }

    /** The local stack's table of ports is the ports devstack asks for first. */
    @Test
    void theReadmeListsThePortsTheLocalStackTakes() throws IOException {
        var documented = new TreeSet<Integer>();
        for (List<String> row : MarkdownPage.tableRows(README.section("## Run the stack"))) {
            Matcher port = Pattern.compile("(?<![\\d.])(\\d{4})(?![\\d.])").matcher(row.getLast());
            while (port.find()) {
                documented.add(Integer.parseInt(port.group(1)));
            }
        }
        var preferred = new TreeSet<Integer>();
        Matcher asked = Pattern.compile("FreePorts\\.preferred\\((\\d+)\\)").matcher(Files.readString(
                ROOT.resolve("devstack/src/main/java/dev/ticklist/devstack/Devstack.java")));
        while (asked.find()) {
            preferred.add(Integer.parseInt(asked.group(1)));
        }

        assertThat(documented).as("ports in README.md's 'Run the stack' table; Devstack.java asks for")
                .isEqualTo(preferred);
    }

    /**
     * Every repository path in the code of the README and docs/ exists: scripts, files and folders
     * named from the top (a built jar: its module names it so), or a file named by its end
     * ({@code prometheus/ticklist-alerts.yml} under {@code observability/}).
     */
    @Test
    void everyFileAndFolderTheDocsNameExists() {
        var top = topLevelNames();
        var files = repositoryFiles();
        var missing = new ArrayList<String>();
        for (MarkdownPage page : MarkdownPage.all(ROOT)) {
            for (String code : page.code()) {
                Matcher path = PATH.matcher(code);
                while (path.find()) {
                    String named = path.group().replaceFirst("^\\./", "");
                    if (named.contains("...") || named.startsWith(".devstack/")) {
                        continue; // an elided path; the local stack's data, made when it runs
                    }
                    String first = named.split("/")[0];
                    if (top.contains(first)) {
                        if (!existsFromTheTop(named)) {
                            missing.add(page.name(ROOT) + " names " + path.group());
                        }
                    } else if (named.contains("/") && FILE_NAME.matcher(named).matches()
                            && files.stream().noneMatch(file -> file.endsWith("/" + named))) {
                        missing.add(page.name(ROOT) + " names " + path.group() + " (no file ends so)");
                    }
                }
            }
        }
        assertThat(missing).as("paths the docs name that the repository lacks").isEmpty();
    }

    @Test
    void theReadmesModulesAreTheBuildsModules() throws IOException {
        var documented = new TreeSet<String>();
        for (List<String> row : MarkdownPage.tableRows(README.section("## Structure"))) {
            Matcher module = Pattern.compile("^`([a-z-]+)`$").matcher(row.getFirst());
            if (module.find()) {
                documented.add(module.group(1));
            }
        }
        var built = new TreeSet<String>();
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        while (module.find()) {
            built.add(module.group(1));
        }
        built.removeIf(name -> name.contains("/")); // benchmarks' two stand-ins, named in its row

        assertThat(documented).as("modules in README.md's 'Structure' table; pom.xml builds").isEqualTo(built);
    }

    @Test
    void theReadmesListOfDocsHoldsEveryPageOfDocs() throws IOException {
        var listed = new TreeSet<String>();
        Matcher link = Pattern.compile("\\]\\((docs/[^)#]+\\.md)\\)").matcher(README.section("## Docs"));
        while (link.find()) {
            listed.add(link.group(1));
        }
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            assertThat(listed).as("pages README.md's 'Docs' lists; docs/ holds")
                    .isEqualTo(docs.map(page -> "docs/" + page.getFileName()).filter(name -> name.endsWith(".md"))
                            .collect(Collectors.toCollection(TreeSet::new)));
        }
    }

    /** What the README tells people to run takes what it says it takes. */
    @Test
    void theReadmesCommandsTakeTheArgumentsItGives() throws IOException {
        String benchmark = Files.readString(ROOT.resolve(
                "benchmarks/src/main/java/dev/ticklist/benchmarks/Benchmark.java"));
        Matcher mode = Pattern.compile("benchmarks\\.jar(?:`)? +`?([a-z]+)`?").matcher(README.text());
        var modes = new TreeSet<String>();
        while (mode.find()) {
            modes.add(mode.group(1));
        }
        assertThat(modes).as("benchmark modes README.md runs").isNotEmpty()
                .allSatisfy(name -> assertThat(benchmark).as("Benchmark.java's modes").contains("\"" + name + "\", "));
        assertThat(Files.readString(ROOT.resolve("benchmarks/pom.xml"))).as("benchmarks/target/benchmarks.jar")
                .contains("<finalName>benchmarks</finalName>");
        assertThat(Files.readString(ROOT.resolve("devstack/pom.xml"))).as("devstack.sh runs devstack/target/devstack.jar")
                .contains("<finalName>devstack</finalName>");
        assertThat(Files.readString(ROOT.resolve("devstack.sh"))).contains("devstack/target/devstack.jar");

        if (README.text().contains("./devstack.sh --fresh")) {
            assertThat(Files.readString(ROOT.resolve("devstack/src/main/java/dev/ticklist/devstack/Devstack.java")))
                    .as("Devstack takes --fresh").contains("\"--fresh\"");
        }
        Matcher buildArgs = Pattern.compile("docker build((?: --build-arg [A-Z_]+=\\S+)+)").matcher(README.text());
        assertThat(buildArgs.find()).as("README.md's docker build command").isTrue();
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        for (String arg : buildArgs.group(1).split(" --build-arg ")) {
            if (!arg.isBlank()) {
                assertThat(dockerfile).as("Dockerfile takes " + arg).containsPattern("(?m)^ARG " + arg.split("=")[0] + "\\b");
            }
        }
        Matcher switchValues = Pattern.compile("-Dticklist\\.infrastructure=([a-z|]+)").matcher(README.text());
        assertThat(switchValues.find()).as("README.md's infrastructure switch").isTrue();
        String infrastructure = Files.readString(ROOT.resolve(
                "test-support/src/main/java/dev/ticklist/testsupport/InfrastructureMode.java"));
        assertThat(infrastructure).contains("\"ticklist.infrastructure\"", "\"TICKLIST_INFRASTRUCTURE\"",
                "enum InfrastructureMode {\n    " + switchValues.group(1).toUpperCase().replace("|", ", ") + ";");
    }

    /** A test the docs cite by name exists: renaming a test leaves no reference to its old name. */
    @Test
    void everyTestTheDocsNameExists() {
        var classes = repositoryFiles().stream()
                .filter(file -> file.endsWith(".java"))
                .map(file -> file.substring(file.lastIndexOf('/') + 1, file.length() - ".java".length()))
                .collect(Collectors.toSet());
        var missing = new TreeSet<String>();
        for (MarkdownPage page : MarkdownPage.all(ROOT)) {
            Matcher test = TEST_CLASS.matcher(page.text());
            while (test.find()) {
                if (!classes.contains(test.group(1))) {
                    missing.add(page.name(ROOT) + " names " + test.group(1));
                }
            }
        }
        assertThat(missing).as("tests the docs name that do not exist (renamed?)").isEmpty();
    }

    @Test
    void everyLinkBetweenTheDocsLeadsToAFileAndHeading() {
        var broken = new ArrayList<String>();
        for (MarkdownPage page : MarkdownPage.all(ROOT)) {
            for (String target : page.linkTargets()) {
                if (target.matches("[a-z]+:.*") || target.startsWith("$")) {
                    continue; // a URL, or one of the tour's shell variables
                }
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path linked = file.isEmpty() ? page.file()
                        : page.file().getParent().resolve(URLDecoder.decode(file, StandardCharsets.UTF_8)).normalize();
                if (!Files.exists(linked)) {
                    broken.add(page.name(ROOT) + " links " + target + ": no such file");
                } else if (anchor != null && linked.toString().endsWith(".md")
                        && !MarkdownPage.read(linked).anchors().contains(anchor)) {
                    broken.add(page.name(ROOT) + " links " + target + ": no such heading in " + ROOT.relativize(linked));
                }
            }
        }
        assertThat(broken).as("links in the docs").isEmpty();
    }

    private static boolean existsFromTheTop(String named) {
        Matcher built = Pattern.compile("(.+)/target/(.+)").matcher(named);
        if (built.matches()) {
            // Made by the build or a run: the module must exist, and a jar named exactly must be its name.
            Path pom = ROOT.resolve(built.group(1)).resolve("pom.xml");
            Matcher jar = Pattern.compile("([^/*]+)\\.jar").matcher(built.group(2));
            try {
                return Files.exists(pom) && (!jar.matches()
                        || Files.readString(pom).contains("<finalName>" + jar.group(1) + "</finalName>"));
            } catch (IOException e) {
                return false;
            }
        }
        if (named.contains("*")) {
            Path folder = ROOT.resolve(named.substring(0, named.lastIndexOf('/')));
            String glob = named.substring(named.lastIndexOf('/') + 1);
            try (var entries = Files.newDirectoryStream(folder, glob)) {
                return entries.iterator().hasNext();
            } catch (IOException e) {
                return false;
            }
        }
        return Files.exists(ROOT.resolve(named));
    }

    private static Set<String> topLevelNames() {
        try (Stream<Path> entries = Files.list(ROOT)) {
            return entries.map(entry -> entry.getFileName().toString())
                    .filter(name -> !name.equals(".git") && !name.equals("target"))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file of the repository, as '/'-separated paths from the top, build output and .git left out. */
    private static List<String> repositoryFiles() {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(Files::isRegularFile)
                    .map(file -> ROOT.relativize(file).toString().replace('\\', '/'))
                    .filter(file -> !file.startsWith(".git/") && !file.contains("/target/") && !file.startsWith("target/")
                            && !file.startsWith(".devstack/"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
