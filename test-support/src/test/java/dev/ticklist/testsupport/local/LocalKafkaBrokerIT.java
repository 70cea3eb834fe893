package dev.ticklist.testsupport.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaBrokerIT {

    @Test
    void aKeptBrokerStartsAgainWithItsTopicsEventsAndGroupOffsets(@TempDir Path data) throws Exception {
        var partition = new TopicPartition("kept", 0);
        assertThat(LocalKafkaBroker.holdsData(data)).isFalse();
        try (var broker = LocalKafkaBroker.startKept(FreePorts.next(), data)) {
            try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
            }
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("kept", "a", "first")).get();
                producer.send(new ProducerRecord<>("kept", "b", "second")).get();
            }
            try (var consumer = consumer(broker)) {
                consumer.assign(List.of(partition));
                consumer.commitSync(Map.of(partition, new OffsetAndMetadata(1)));
            }
        }
        assertThat(LocalKafkaBroker.holdsData(data)).isTrue();
        assertThat(Files.list(data)).isNotEmpty();

        try (var restarted = LocalKafkaBroker.startKept(FreePorts.next(), data);
             var consumer = consumer(restarted)) {
            consumer.assign(List.of(partition));
            assertThat(consumer.committed(Set.of(partition)).get(partition).offset()).isEqualTo(1);
            consumer.seekToBeginning(List.of(partition));
            var values = new ArrayList<String>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < 2 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
            }
            assertThat(values).containsExactly("first", "second");
        }
    }

    private static KafkaConsumer<String, String> consumer(LocalKafkaBroker broker) {
        return new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "kept-group",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
    }
}
