package dev.ticklist.testsupport.docker;

import dev.ticklist.testsupport.Infrastructure;
import dev.ticklist.testsupport.TestTier;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** Kafka and Redis in containers from their official images, where a Docker engine runs. */
public final class ContainerInfrastructure implements Infrastructure {

    static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.1.1");
    static final DockerImageName REDIS_IMAGE = DockerImageName.parse("redis:7.4.2-alpine");

    private final KafkaContainer kafka;
    private final GenericContainer<?> redis;

    private ContainerInfrastructure(KafkaContainer kafka, GenericContainer<?> redis) {
        this.kafka = kafka;
        this.redis = redis;
    }

    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public static ContainerInfrastructure start() {
        TestTier.requireIntegration("Kafka and Redis containers");
        var kafka = new KafkaContainer(KAFKA_IMAGE).withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        GenericContainer<?> redis = new GenericContainer<>(REDIS_IMAGE).withExposedPorts(6379);
        kafka.start();
        redis.start();
        return new ContainerInfrastructure(kafka, redis);
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers().replace("localhost", "127.0.0.1");
    }

    @Override
    public String redisHost() {
        return redis.getHost().equals("localhost") ? "127.0.0.1" : redis.getHost();
    }

    @Override
    public int redisPort() {
        return redis.getMappedPort(6379);
    }

    @Override
    public String description() {
        return "docker: " + KAFKA_IMAGE + " at " + kafkaBootstrapServers() + ", " + REDIS_IMAGE + " at " + redisUrl();
    }

    @Override
    public void close() {
        try {
            kafka.stop();
        } finally {
            redis.stop();
        }
    }
}
