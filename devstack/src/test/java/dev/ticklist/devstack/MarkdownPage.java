package dev.ticklist.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Markdown page of the repository, read the way a reader (and GitHub) sees it: its code,
 * its links, its headings' anchors, the rows of its tables. Just enough Markdown for the tests
 * that keep the docs true; the pages are ours, so their shapes are known.
 */
record MarkdownPage(Path file, String text) {

    private static final Pattern FENCE = Pattern.compile("(?ms)^```[a-z]*\\n(.*?)^```");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]\\n]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} +(.+?) *$");

    static MarkdownPage read(Path file) {
        try {
            return new MarkdownPage(file, Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The README and every page of docs/ (and k8s/README.md), as the repository holds them. */
    static List<MarkdownPage> all(Path root) {
        var pages = new ArrayList<MarkdownPage>();
        pages.add(read(root.resolve("README.md")));
        pages.add(read(root.resolve("k8s/README.md")));
        try (var docs = Files.list(root.resolve("docs"))) {
            docs.filter(file -> file.toString().endsWith(".md")).sorted().map(MarkdownPage::read).forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    /** Fenced blocks first, then inline code spans outside them. */
    List<String> code() {
        var code = new ArrayList<String>();
        Matcher fence = FENCE.matcher(text);
        while (fence.find()) {
            code.add(fence.group(1));
        }
        Matcher span = CODE_SPAN.matcher(FENCE.matcher(text).replaceAll(""));
        while (span.find()) {
            code.add(span.group(1));
        }
        return code;
    }

    /** The targets of its links, outside code. */
    List<String> linkTargets() {
        var targets = new ArrayList<String>();
        Matcher link = LINK.matcher(FENCE.matcher(text).replaceAll(""));
        while (link.find()) {
            targets.add(link.group(1));
        }
        return targets;
    }

    /** The anchors GitHub gives its headings: lower case, punctuation dropped, spaces as '-', repeats numbered. */
    Set<String> anchors() {
        var anchors = new LinkedHashSet<String>();
        var seen = new HashMap<String, Integer>();
        Matcher heading = HEADING.matcher(FENCE.matcher(text).replaceAll(""));
        while (heading.find()) {
            String plain = heading.group(1).replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
            String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            int repeat = seen.merge(slug, 1, Integer::sum) - 1;
            anchors.add(repeat == 0 ? slug : slug + "-" + repeat);
        }
        return anchors;
    }

    /** The lines from a heading (its exact line) to the next heading of the same or a higher level. */
    String section(String heading) {
        List<String> lines = text.lines().toList();
        int start = lines.indexOf(heading);
        if (start < 0) {
            throw new IllegalStateException(file + " has no heading '" + heading + "'");
        }
        int level = heading.indexOf(' ');
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).matches("#{1," + level + "} .*")) {
            end++;
        }
        return String.join("\n", lines.subList(start, end));
    }

    /** The cells of every table row in a text (header rows too, separator rows not). */
    static List<List<String>> tableRows(String text) {
        return text.lines()
                .filter(line -> line.startsWith("|") && !line.matches("\\|[-| :]+\\|?"))
                .map(line -> List.of(line.substring(1).split("(?<!\\\\)\\|")).stream().map(String::strip).toList())
                .toList();
    }

    /** The repository-relative name of the page, for messages. */
    String name(Path root) {
        return root.relativize(file).toString();
    }
}
