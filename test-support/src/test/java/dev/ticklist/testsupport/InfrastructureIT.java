package dev.ticklist.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class InfrastructureIT {

    private final Infrastructure infrastructure = Infrastructure.shared();

    @Test
    void theBrokerAcceptsAndServesRecordsOnLoopback() throws Exception {
        assertThat(infrastructure.kafkaBootstrapServers()).startsWith("127.0.0.1:");
        String topic = "infra-" + UUID.randomUUID();
        try (var admin = Admin.create(Map.of("bootstrap.servers", infrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            var node = admin.describeCluster().nodes().get().iterator().next();
            assertThat(node.host()).isEqualTo("127.0.0.1");
        }
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "hello")).get();
        }
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            String value = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (value == null && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    value = record.value();
                }
            }
            assertThat(value).isEqualTo("hello");
        }
    }

    @Test
    void redisAnswersOnLoopback() {
        assertThat(infrastructure.redisHost()).isEqualTo("127.0.0.1");
        var client = RedisClient.create(infrastructure.redisUrl());
        try (var connection = client.connect()) {
            var redis = connection.sync();
            redis.set("infra-test", "ok");
            assertThat(redis.get("infra-test")).isEqualTo("ok");
        } finally {
            client.shutdown();
        }
    }

    @Test
    void theModeIsReadFromOneProperty() {
        String before = System.getProperty(InfrastructureMode.PROPERTY);
        try {
            System.setProperty(InfrastructureMode.PROPERTY, "Local");
            assertThat(InfrastructureMode.configured()).isEqualTo(InfrastructureMode.LOCAL);
            System.setProperty(InfrastructureMode.PROPERTY, "podman");
            assertThatThrownBy(InfrastructureMode::configured).hasMessageContaining("auto, docker or local");
        } finally {
            if (before == null) {
                System.clearProperty(InfrastructureMode.PROPERTY);
            } else {
                System.setProperty(InfrastructureMode.PROPERTY, before);
            }
        }
    }
}
