package dev.ticklist.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Redis users of docker/redis/users.acl (its rules without passwords: docker/redis/start.sh adds
 * their hashes) and what is wrong with them.
 */
final class RedisUsers {

    static final String DEFAULT = "default";
    /** The health check's user (start.sh makes its password at each start). */
    static final String PROBE = "probe";

    private RedisUsers() {
    }

    static Path rulesFile() {
        return Repository.root().resolve("docker/redis/users.acl");
    }

    static Path startScript() {
        return Repository.root().resolve("docker/redis/start.sh");
    }

    /** User name to its rules, in file order. */
    static Map<String, List<String>> parse(String acl) {
        Map<String, List<String>> users = new LinkedHashMap<>();
        for (String line : acl.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] words = trimmed.split("\\s+");
            if (!words[0].equals("user") || words.length < 2) {
                throw new IllegalArgumentException("not a user line: " + line);
            }
            if (users.put(words[1], List.of(words).subList(2, words.length)) != null) {
                throw new IllegalArgumentException("user " + words[1] + " is defined twice");
            }
        }
        return users;
    }

    static Map<String, List<String>> read() {
        try {
            return parse(Files.readString(rulesFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The default user is off, each service has a user of its own held to its keys, nobody else has one. */
    static List<String> problems(Map<String, List<String>> users, List<String> services) {
        List<String> problems = new ArrayList<>();
        List<String> defaults = users.get(DEFAULT);
        if (defaults == null || !defaults.contains("off") || defaults.contains("on")) {
            problems.add("the default user must be defined and off (an ACL file without it leaves it on, with every right)");
        }
        List<String> probe = users.get(PROBE);
        if (probe != null && !probe.equals(List.of("on", "resetkeys", "resetchannels", "-@all", "+ping"))) {
            problems.add("the probe user may only PING: " + probe);
        }
        for (String service : services) {
            List<String> rules = users.get(service);
            if (rules == null) {
                problems.add("no Redis user for " + service);
                continue;
            }
            if (!rules.contains("on")) {
                problems.add("user " + service + " is not on");
            }
            if (!rules.contains("resetkeys") || !rules.contains("resetchannels")) {
                problems.add("user " + service + " must start from no keys and no channels (resetkeys resetchannels)");
            }
            if (rules.stream().noneMatch(rule -> rule.startsWith("~"))) {
                problems.add("user " + service + " may touch no key");
            }
            if (rules.contains("+@all") && rules.indexOf("-@dangerous") < rules.indexOf("+@all")) {
                problems.add("user " + service + " has +@all without -@dangerous after it");
            }
        }
        users.forEach((name, rules) -> {
            if (!name.equals(DEFAULT) && !name.equals(PROBE) && !services.contains(name)) {
                problems.add("user " + name + " belongs to no service");
            }
            for (String rule : rules) {
                if (Set.of("~*", "allkeys", "%RW~*", "&*", "allchannels", "nopass", "+@dangerous").contains(rule)) {
                    problems.add("user " + name + " has " + rule);
                }
                // Passwords are added at start, never written in the file: >plain, <plain, #hash, !hash.
                if (rule.startsWith(">") || rule.startsWith("<") || rule.startsWith("#") || rule.startsWith("!")) {
                    problems.add("user " + name + " has a password in the committed rules");
                }
            }
        });
        return problems;
    }
}
