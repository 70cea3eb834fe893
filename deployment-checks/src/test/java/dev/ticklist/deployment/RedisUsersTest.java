package dev.ticklist.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every service logs in to Redis as its own user, held to its own keys, with a password from a secret
 * only it reads; the default user is off; compose and every overlay run the same rules.
 */
class RedisUsersTest {

    @Test
    void eachServiceHasItsOwnUserAndTheDefaultUserIsOff() {
        assertThat(RedisUsers.problems(RedisUsers.read(), Repository.SERVICES)).isEmpty();
    }

    @Test
    void aDefaultUserLeftOnAMissingUserAndAWildcardAreReported() {
        var users = RedisUsers.parse("""
                user default on nopass ~* +@all
                user gateway on resetkeys resetchannels ~* +@all >secret
                user stranger on resetkeys resetchannels ~x:* +get
                """);
        assertThat(RedisUsers.problems(users, List.of("gateway", "progress-service"))).containsExactly(
                "the default user must be defined and off (an ACL file without it leaves it on, with every right)",
                "user gateway has +@all without -@dangerous after it",
                "no Redis user for progress-service",
                "user default has nopass",
                "user default has ~*",
                "user gateway has ~*",
                "user gateway has a password in the committed rules",
                "user stranger belongs to no service");
    }

    @Test
    void everyComposeServiceLogsInToRedisAsItself() {
        ComposeFile compose = ComposeFile.read(Repository.composeFile());
        List<String> problems = new ArrayList<>();
        for (String service : Repository.SERVICES) {
            String user = compose.environment(service).get("SPRING_DATA_REDIS_USERNAME");
            if (!service.equals(user)) {
                problems.add(compose.source() + " service " + service + ": SPRING_DATA_REDIS_USERNAME is " + user);
            }
            problems.addAll(ServiceSecrets.ownFolderProblems(compose, service));
        }
        assertThat(problems).isEmpty();
        // The password goes to the service's folder and, for start.sh to hash, to Redis's.
        assertThat(ServiceSecrets.script())
                .contains("password \"$redis/$service\"")
                .contains("write spring.data.redis.password \"$(cat \"$redis/$service\")\"");
        ObjectNode redis = compose.services().get("redis");
        assertThat(redis.path("entrypoint").toString()).contains("/ticklist/redis/start.sh");
    }

    @Test
    void everyOverlayRunsTheSameUsersAndEachServiceLogsInAsItself() throws IOException {
        String rules = Files.readString(RedisUsers.rulesFile());
        String script = Files.readString(RedisUsers.startScript());
        List<String> problems = new ArrayList<>();
        for (Path overlay : Repository.overlays()) {
            String where = Repository.relative(overlay);
            List<ObjectNode> rendering = Kustomize.render(overlay);
            JsonNode data = Manifests.find(rendering, "ConfigMap", "redis-acl").map(map -> map.path("data"))
                    .orElseThrow(() -> new AssertionError(where + ": no ConfigMap redis-acl"));
            if (!data.path("users.acl").asText().equals(rules)) {
                problems.add(where + ": ConfigMap redis-acl users.acl differs from " + Repository.relative(RedisUsers.rulesFile()));
            }
            if (!data.path("start.sh").asText().equals(script)) {
                problems.add(where + ": ConfigMap redis-acl start.sh differs from " + Repository.relative(RedisUsers.startScript()));
            }
            for (String service : Repository.SERVICES) {
                Map<String, JsonNode> env = ServiceSecrets.deploymentEnvironment(rendering, service);
                String name = where + " Deployment " + service;
                if (!env.containsKey("SPRING_DATA_REDIS_USERNAME")
                        || !env.get("SPRING_DATA_REDIS_USERNAME").path("value").asText().equals(service)) {
                    problems.add(name + ": SPRING_DATA_REDIS_USERNAME must be " + service);
                }
                KafkaAuthenticationTest.expectSecret(problems, name, env, "SPRING_DATA_REDIS_PASSWORD",
                        WorkloadRules.SECRET, WorkloadRules.REDIS_PASSWORD_KEY_PREFIX + service);
            }
            problems.addAll(redisPodReadsEveryPassword(where, rendering));
        }
        assertThat(problems).isEmpty();
    }

    /** The Redis pod gets each service's password as the file start.sh looks for: the user's name. */
    private static List<String> redisPodReadsEveryPassword(String where, List<ObjectNode> rendering) {
        List<String> problems = new ArrayList<>();
        ObjectNode redis = Manifests.find(rendering, "StatefulSet", "redis")
                .orElseThrow(() -> new AssertionError(where + ": no StatefulSet redis"));
        List<String> files = new ArrayList<>();
        for (JsonNode volume : redis.path("spec").path("template").path("spec").path("volumes")) {
            for (JsonNode item : volume.path("secret").path("items")) {
                if (item.path("key").asText().equals(WorkloadRules.REDIS_PASSWORD_KEY_PREFIX + item.path("path").asText())) {
                    files.add(item.path("path").asText());
                }
            }
        }
        if (!files.containsAll(Repository.SERVICES)) {
            problems.add(where + ": the Redis pod has passwords for " + files + ", needs " + Repository.SERVICES);
        }
        return problems;
    }
}
