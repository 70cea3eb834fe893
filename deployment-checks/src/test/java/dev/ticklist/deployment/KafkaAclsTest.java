package dev.ticklist.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Each service's Kafka user may do exactly what the service does (KafkaAccess: the topics it reads and
 * writes, their dead-letter topics, its snapshot topics, groups and transactional ids), in compose and
 * in every overlay, and never holds a wildcard, a topic prefix or a cluster right.
 */
class KafkaAclsTest {

    static Path aclsFile() {
        return Repository.root().resolve("docker/kafka/acls");
    }

    @Test
    void composeGrantsEachServiceExactlyWhatItReadsAndWrites() {
        Set<KafkaAcl> declared = KafkaAclSources.fromAclsFile(aclsFile());
        String where = Repository.relative(aclsFile());
        assertThat(KafkaAccess.differences(where, declared)).isEmpty();
        assertThat(KafkaAccess.tooBroad(where, declared)).isEmpty();
    }

    @Test
    void composeMakesAKafkaUserForEveryServiceThatHasGrants() {
        String users = String.valueOf(ComposeFile.read(Repository.composeFile()).environment("kafka-init").get("USERS"));
        assertThat(List.of(users.strip().split("\\s+"))).containsExactlyInAnyOrderElementsOf(Repository.SERVICES);
    }

    @Test
    void everyOverlayGrantsEachServiceExactlyWhatItReadsAndWrites() {
        List<String> problems = new ArrayList<>();
        for (Path overlay : Repository.overlays()) {
            List<ObjectNode> rendering = Kustomize.render(overlay);
            String where = Repository.relative(overlay);
            Set<KafkaAcl> declared = KafkaAclSources.fromKafkaUsers(rendering);
            problems.addAll(KafkaAccess.differences(where, declared));
            problems.addAll(KafkaAccess.tooBroad(where, declared));
            List<String> users = new ArrayList<>();
            for (ObjectNode user : Manifests.ofKind(rendering, "KafkaUser")) {
                users.add(Manifests.name(user));
                if (!user.path("spec").path("authentication").path("type").asText().equals("scram-sha-512")) {
                    problems.add(where + ": KafkaUser " + Manifests.name(user) + " does not log in with scram-sha-512");
                }
                if (!user.path("spec").path("authorization").path("type").asText().equals("simple")) {
                    problems.add(where + ": KafkaUser " + Manifests.name(user) + " has no simple authorization");
                }
            }
            if (!new TreeSet<>(users).equals(new TreeSet<>(Repository.SERVICES))) {
                problems.add(where + ": KafkaUsers " + users + ", expected one per service " + Repository.SERVICES);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aMissingGrantAGrantTooManyAndAWildcardAreReported() {
        Set<KafkaAcl> declared = new TreeSet<>(KafkaAccess::compare);
        declared.addAll(KafkaAccess.expected());
        declared.remove(new KafkaAcl("User:gateway", "TOPIC", "LITERAL", "ticklist.access", "READ"));
        declared.addAll(KafkaAclSources.fromAclsLine(
                "--allow-principal User:gateway --operation Write --topic ticklist.directory"));
        declared.addAll(KafkaAclSources.fromAclsLine(
                "--allow-principal User:gateway --operation Read --topic ticklist. --resource-pattern-type prefixed"));
        assertThat(KafkaAccess.differences("here", declared)).containsExactly(
                "here: grant beyond what the service needs: User:gateway READ TOPIC ticklist. (prefixed)",
                "here: grant beyond what the service needs: User:gateway WRITE TOPIC ticklist.directory",
                "here: missing grant User:gateway READ TOPIC ticklist.access");
        assertThat(KafkaAccess.tooBroad("here", declared)).containsExactly(
                "here: too broad a grant: User:gateway READ TOPIC ticklist. (prefixed)");
        assertThat(KafkaAccess.tooBroad("here", Set.copyOf(KafkaAclSources.fromAclsLine(
                "--allow-principal User:gateway --operation All --topic *"))))
                .containsExactly("here: too broad a grant: User:gateway ALL TOPIC *");
    }

    @Test
    void kafkaUsersAndAclLinesAreReadAlike() {
        List<ObjectNode> rendering = YamlDocuments.parseAll("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaUser
                metadata: {name: checklist-service}
                spec:
                  authorization:
                    type: simple
                    acls:
                      - resource: {type: transactionalId, name: checklist-service., patternType: prefix}
                        operations: [Write, Describe]
                """).stream().map(document -> YamlDocuments.object(document, "test")).toList();
        assertThat(KafkaAclSources.fromKafkaUsers(rendering)).containsExactlyInAnyOrderElementsOf(KafkaAclSources.fromAclsLine(
                "--allow-principal User:checklist-service --operation Write --operation Describe"
                        + " --transactional-id checklist-service. --resource-pattern-type prefixed"));
        assertThatThrownBy(() -> KafkaAclSources.fromAclsLine("--allow-principal User:a --operation Read --topics t"))
                .hasMessageContaining("unknown option --topics");
    }
}
