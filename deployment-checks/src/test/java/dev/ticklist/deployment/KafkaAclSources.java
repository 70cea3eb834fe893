package dev.ticklist.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The Kafka grants a deployment declares: compose's docker/kafka/acls, or a rendering's KafkaUsers. */
final class KafkaAclSources {

    private static final Map<String, String> RESOURCE_OPTIONS = Map.of(
            "--topic", "TOPIC", "--group", "GROUP", "--transactional-id", "TRANSACTIONAL_ID", "--cluster", "CLUSTER");

    private KafkaAclSources() {
    }

    /** One {@code kafka-acls.sh --add} per line (docker/kafka/init.sh); any option it does not know fails. */
    static Set<KafkaAcl> fromAclsFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<KafkaAcl> acls = new TreeSet<>(KafkaAccess::compare);
        for (String line : lines) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                acls.addAll(fromAclsLine(trimmed));
            }
        }
        return acls;
    }

    static List<KafkaAcl> fromAclsLine(String line) {
        String[] words = line.split("\\s+");
        String principal = null;
        String pattern = "LITERAL";
        List<String> operations = new ArrayList<>();
        List<String[]> resources = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            String option = words[i];
            if (option.equals("--cluster")) {
                resources.add(new String[] {"CLUSTER", "kafka-cluster"});
                continue;
            }
            if (i + 1 >= words.length) {
                throw new IllegalArgumentException("'" + option + "' without a value in: " + line);
            }
            String value = words[++i];
            switch (option) {
                case "--allow-principal" -> principal = value;
                case "--operation" -> operations.add(value.toUpperCase(Locale.ROOT));
                case "--resource-pattern-type" -> pattern = value.toUpperCase(Locale.ROOT);
                default -> {
                    String type = RESOURCE_OPTIONS.get(option);
                    if (type == null) {
                        throw new IllegalArgumentException("unknown option " + option + " in: " + line);
                    }
                    resources.add(new String[] {type, value});
                }
            }
        }
        if (principal == null || operations.isEmpty() || resources.isEmpty()) {
            throw new IllegalArgumentException("a grant needs --allow-principal, --operation and a resource: " + line);
        }
        List<KafkaAcl> acls = new ArrayList<>();
        for (String[] resource : resources) {
            for (String operation : operations) {
                acls.add(new KafkaAcl(principal, resource[0], pattern, resource[1], operation));
            }
        }
        return acls;
    }

    /** The ACLs of every KafkaUser of a rendering (Strimzi's simple authorization); principal User:<name>. */
    static Set<KafkaAcl> fromKafkaUsers(List<ObjectNode> rendering) {
        Set<KafkaAcl> acls = new TreeSet<>(KafkaAccess::compare);
        for (ObjectNode user : Manifests.ofKind(rendering, "KafkaUser")) {
            String principal = "User:" + Manifests.name(user);
            for (JsonNode rule : user.path("spec").path("authorization").path("acls")) {
                if (!rule.path("type").asText("allow").equals("allow")) {
                    continue;
                }
                JsonNode resource = rule.path("resource");
                String type = switch (resource.path("type").asText()) {
                    case "transactionalId" -> "TRANSACTIONAL_ID";
                    default -> resource.path("type").asText().toUpperCase(Locale.ROOT);
                };
                String pattern = resource.path("patternType").asText("literal").equals("prefix") ? "PREFIXED" : "LITERAL";
                String name = type.equals("CLUSTER") ? "kafka-cluster" : resource.path("name").asText();
                for (JsonNode operation : rule.path("operations")) {
                    acls.add(new KafkaAcl(principal, type, pattern, name, operation.asText().toUpperCase(Locale.ROOT)));
                }
            }
        }
        return acls;
    }
}
