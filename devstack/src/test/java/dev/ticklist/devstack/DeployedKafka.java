package dev.ticklist.devstack;

import dev.ticklist.events.Topic;
import dev.ticklist.events.Topics;
import dev.ticklist.testsupport.local.LocalKafkaBroker;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.tools.AclCommand;

/**
 * Kafka as the Docker stack deploys it, from the files of {@code docker/kafka}: the broker on
 * {@code server.properties} (SCRAM on every listener clients reach, no access without an ACL), a
 * SCRAM user per service, the topics, and {@code acls} applied line by line with Kafka's own
 * {@code kafka-acls} tool, as {@code init.sh} does. Services log in as themselves, so a grant
 * missing from the file fails them here as it would in the stack.
 */
final class DeployedKafka implements AutoCloseable {

    static final List<String> SERVICES = List.of("gateway", "checklist-service", "progress-service",
            "notification-service");

    private final LocalKafkaBroker broker;
    private final Map<String, String> passwords;
    private final Path adminConfig;

    private DeployedKafka(LocalKafkaBroker broker, Map<String, String> passwords, Path adminConfig) {
        this.broker = broker;
        this.passwords = passwords;
        this.adminConfig = adminConfig;
    }

    static DeployedKafka start(Path projectRoot) throws IOException, ExecutionException, InterruptedException {
        Path files = projectRoot.resolve("docker/kafka");
        var passwords = new HashMap<String, String>();
        passwords.put("admin", StackSettings.randomText(24));
        SERVICES.forEach(service -> passwords.put(service, StackSettings.randomText(24)));
        var broker = LocalKafkaBroker.startAsDeployed(load(files.resolve("server.properties")), passwords.get("admin"));
        Path adminConfig = Files.createTempFile("ticklist-kafka-admin-", ".properties");
        var kafka = new DeployedKafka(broker, Map.copyOf(passwords), adminConfig);
        try (var out = Files.newBufferedWriter(adminConfig)) {
            kafka.clientConfig("admin").store(out, "the Docker stack's kafka-init, logged in as admin");
        }
        try (var admin = Admin.create(kafka.clientConfig("admin"))) {
            admin.alterUserScramCredentials(SERVICES.stream()
                    .<org.apache.kafka.clients.admin.UserScramCredentialAlteration>map(service ->
                            new UserScramCredentialUpsertion(service,
                                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), passwords.get(service)))
                    .toList()).all().get();
            admin.createTopics(topics()).all().get();
        }
        for (String line : Files.readAllLines(files.resolve("acls"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                var arguments = new ArrayList<>(List.of("--bootstrap-server", kafka.bootstrapServers(),
                        "--command-config", adminConfig.toString(), "--add"));
                arguments.addAll(Arrays.asList(line.trim().split("\\s+")));
                AclCommand.main(arguments.toArray(String[]::new));
            }
        }
        return kafka;
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** A client's settings, logged in as {@code user} (a service, or admin). */
    Properties clientConfig(String user) {
        var config = new Properties();
        config.put("bootstrap.servers", bootstrapServers());
        config.put("security.protocol", "SASL_PLAINTEXT");
        config.put("sasl.mechanism", "SCRAM-SHA-512");
        config.put("sasl.jaas.config", LocalKafkaBroker.scramLogin(user, passwords.get(user)));
        return config;
    }

    /** What a service's container gets in docker-compose.yml to log in, as Spring Boot reads it. */
    Map<String, String> environment(String service) {
        return Map.of(
                "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512",
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", LocalKafkaBroker.scramLogin(service, passwords.get(service)),
                // Topics are made by kafka-init (here: start): no service may create them.
                "SPRING_KAFKA_ADMIN_AUTO_CREATE", "false");
    }

    /** Every topic of the catalog and its dead-letter topic, as kafka-init makes them. */
    private static List<NewTopic> topics() {
        var configs = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1");
        var topics = new ArrayList<NewTopic>();
        for (Topic<?> topic : Topics.ALL) {
            topics.add(new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(configs));
            topics.add(new NewTopic(topic.deadLetterTopic(), 1, (short) 1).configs(configs));
        }
        return topics;
    }

    private static Properties load(Path file) throws IOException {
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        return properties;
    }

    @Override
    public void close() {
        broker.close();
        try {
            Files.deleteIfExists(adminConfig);
        } catch (IOException ignored) {
            // a temporary file left behind holds a password of a broker that no longer runs
        }
    }
}
