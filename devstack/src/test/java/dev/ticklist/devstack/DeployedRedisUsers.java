package dev.ticklist.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;

/**
 * The Redis users of the Docker stack ({@code docker/redis/users.acl}), one per service with the
 * keys and commands it is held to, added with fresh passwords to a running Redis. Services log in
 * as themselves, so a key or command a rule does not grant fails them here as in the stack. The
 * file's other users (default, probe) are left as the Redis has them: other tests share it.
 */
final class DeployedRedisUsers implements AutoCloseable {

    private final String host;
    private final int port;
    private final Map<String, String> passwords;

    private DeployedRedisUsers(String host, int port, Map<String, String> passwords) {
        this.host = host;
        this.port = port;
        this.passwords = passwords;
    }

    static DeployedRedisUsers add(Path projectRoot, String host, int port, List<String> services) throws IOException {
        var passwords = new HashMap<String, String>();
        try (var redis = new Jedis(host, port)) {
            for (String line : Files.readAllLines(projectRoot.resolve("docker/redis/users.acl"))) {
                List<String> words = Arrays.asList(line.trim().split("\\s+"));
                if (words.size() > 2 && words.getFirst().equals("user") && services.contains(words.get(1))) {
                    String password = StackSettings.randomText(24);
                    var rules = new ArrayList<String>();
                    rules.add("reset");
                    rules.addAll(words.subList(2, words.size()));
                    rules.add(">" + password);
                    redis.aclSetUser(words.get(1), rules.toArray(String[]::new));
                    passwords.put(words.get(1), password);
                }
            }
        }
        if (!passwords.keySet().containsAll(services)) {
            throw new IllegalStateException("docker/redis/users.acl has no user for some of " + services);
        }
        return new DeployedRedisUsers(host, port, Map.copyOf(passwords));
    }

    /** What a service's container gets in docker-compose.yml to log in, as Spring Boot reads it. */
    Map<String, String> environment(String service) {
        return Map.of("SPRING_DATA_REDIS_USERNAME", service, "SPRING_DATA_REDIS_PASSWORD", passwords.get(service));
    }

    @Override
    public void close() {
        try (var redis = new Jedis(host, port)) {
            redis.aclDelUser(passwords.keySet().toArray(String[]::new));
        }
    }
}
