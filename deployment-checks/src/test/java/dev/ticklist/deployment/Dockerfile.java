package dev.ticklist.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile read instruction by instruction (continuation lines joined, comments dropped), enough to
 * check how the image is built: stages, their base images, and the final stage's user and health check.
 */
final class Dockerfile {

    /** One instruction: its keyword in upper case and its arguments. */
    record Instruction(String keyword, String arguments) {
    }

    private static final Pattern ARG_DEFAULT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\\S+)");
    private static final Pattern ENV_PAIR =
            Pattern.compile("(?:^|\\s)([A-Za-z_][A-Za-z0-9_]*)=(?:\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|\\S*)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}?");

    private final List<Instruction> instructions;
    private final String source;

    private Dockerfile(List<Instruction> instructions, String source) {
        this.instructions = instructions;
        this.source = source;
    }

    static Dockerfile read(Path file) {
        try {
            return parse(Files.readString(file), Repository.relative(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static Dockerfile parse(String text, String source) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String instruction = current.toString().strip();
            current.setLength(0);
            if (instruction.isEmpty()) {
                continue;
            }
            String[] parts = instruction.split("\\s+", 2);
            instructions.add(new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""));
        }
        return new Dockerfile(instructions, source);
    }

    /** Everything wrong with how the image is built; empty when nothing is. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        Map<String, String> globalArgs = new HashMap<>();
        Set<String> stageNames = new HashSet<>();
        int stages = 0;
        int finalStageStart = -1;
        for (int i = 0; i < instructions.size(); i++) {
            Instruction instruction = instructions.get(i);
            if (instruction.keyword().equals("ARG") && stages == 0) {
                Matcher arg = ARG_DEFAULT.matcher(instruction.arguments());
                if (arg.find()) {
                    globalArgs.put(arg.group(1), arg.group(2).replaceAll("^\"|\"$", ""));
                }
            }
            if (instruction.keyword().equals("FROM")) {
                stages++;
                finalStageStart = i;
                List<String> words = new ArrayList<>(List.of(instruction.arguments().split("\\s+")));
                words.removeIf(word -> word.startsWith("--"));
                String image = words.getFirst();
                if (words.size() >= 3 && words.get(1).equalsIgnoreCase("AS")) {
                    stageNames.add(words.get(2).toLowerCase(Locale.ROOT));
                }
                if (stageNames.contains(image.toLowerCase(Locale.ROOT)) && !image.contains(":")) {
                    continue; // built on an earlier stage
                }
                String resolved = substitute(image, globalArgs, problems);
                String reason = ImageReference.parse(resolved).unpinnedReason();
                if (reason != null) {
                    problems.add(source + ": FROM " + image + " " + reason);
                }
            }
        }
        if (stages < 2) {
            problems.add(source + ": is not multi-stage (" + stages + " FROM)");
        }
        if (finalStageStart < 0) {
            return problems;
        }
        List<Instruction> finalStage = instructions.subList(finalStageStart, instructions.size());
        String user = null;
        boolean healthcheck = false;
        for (Instruction instruction : finalStage) {
            if (instruction.keyword().equals("USER")) {
                user = instruction.arguments().strip().split(":")[0];
            }
            if (instruction.keyword().equals("HEALTHCHECK")) {
                healthcheck = !instruction.arguments().strip().equalsIgnoreCase("NONE");
            }
        }
        if (user == null || user.equals("root") || user.equals("0")) {
            problems.add(source + ": the final stage runs as " + (user == null ? "root (no USER)" : user));
        }
        if (!healthcheck) {
            problems.add(source + ": the final stage has no HEALTHCHECK");
        }
        return problems;
    }

    /** ARG values used in FROM, by their defaults; a FROM that needs a build argument has no fixed tag. */
    private String substitute(String image, Map<String, String> args, List<String> problems) {
        Matcher variable = VARIABLE.matcher(image);
        StringBuilder resolved = new StringBuilder();
        while (variable.find()) {
            String value = args.getOrDefault(variable.group(1), variable.group(2));
            if (value == null) {
                problems.add(source + ": FROM " + image + " uses $" + variable.group(1) + ", which has no default");
                value = "";
            }
            variable.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        variable.appendTail(resolved);
        return resolved.toString();
    }

    /** The names of the variables the final stage sets with ENV: every service's image gets them. */
    List<String> finalStageEnvironment() {
        int start = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM")) {
                start = i;
            }
        }
        List<String> names = new ArrayList<>();
        for (Instruction instruction : instructions.subList(start, instructions.size())) {
            if (!instruction.keyword().equals("ENV")) {
                continue;
            }
            Matcher pair = ENV_PAIR.matcher(instruction.arguments());
            boolean any = false;
            while (pair.find()) {
                names.add(pair.group(1));
                any = true;
            }
            if (!any) {
                names.add(instruction.arguments().strip().split("\\s+")[0]); // the old form: ENV NAME value
            }
        }
        return names;
    }

    String source() {
        return source;
    }
}
