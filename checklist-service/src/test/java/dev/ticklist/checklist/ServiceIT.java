package dev.ticklist.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.Topic;
import dev.ticklist.events.Topics;
import dev.ticklist.events.kafka.EventEnvelopeDeserializer;
import dev.ticklist.platform.identity.IdentityTokens;
import dev.ticklist.platform.identity.Scope;
import dev.ticklist.testsupport.Infrastructure;
import dev.ticklist.testsupport.RealInfrastructure;
import dev.ticklist.testsupport.http.JsonHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** The running service against the real broker and Redis; one Spring context for every test class. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
public abstract class ServiceIT {

    @Value("${local.server.port}")
    protected int port;
    @Autowired
    protected IdentityTokens identityTokens;

    protected String organisationId;
    /** Acts for {@link #organisationId} with the write scope. */
    protected JsonHttp writer;

    @BeforeEach
    void createOrganisation() {
        organisationId = newOrganisation();
        writer = as(organisationId, Scope.WRITE);
    }

    protected String newOrganisation() {
        String id = "org_" + UUID.randomUUID().toString().substring(0, 8);
        var created = as(id, Scope.PLATFORM).post("/internal/organisations", Map.of("organisationId", id, "name", "Acme"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return id;
    }

    protected JsonHttp as(String organisation, Scope scope) {
        return JsonHttp.at(baseUrl()).withBearer(tokenFor(organisation, scope));
    }

    /** An identity token as the gateway would hand on, for clients other than {@link JsonHttp}. */
    protected String tokenFor(String organisation, Scope scope) {
        return identityTokens.issue(organisation, Set.of(scope), "checklist-service");
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A cohort of {@link #organisationId} on the latest Machine Learning template, with these learners. */
    protected String cohortWith(String... learners) {
        var cohort = writer.post("/api/v1/cohorts", Map.of("name", "Spring 2027", "checklistId", "machine-learning"));
        assertThat(cohort.status()).as(cohort.toString()).isEqualTo(201);
        String cohortId = cohort.json().get("id").asString();
        if (learners.length > 0) {
            var enrolled = writer.post("/api/v1/cohorts/" + cohortId + "/learners", Map.of("learnerIds", List.of(learners)));
            assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(200);
        }
        return cohortId;
    }

    /** A consumer of learner activity from its beginning, in a group of its own. */
    protected static KafkaConsumer<String, EventEnvelope<?>> learnerActivityFromStart() {
        var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new EventEnvelopeDeserializer());
        consumer.subscribe(List.of(Topics.LEARNER_ACTIVITY.name()));
        return consumer;
    }

    /** Every committed record of {@code topic} with this key (read from the key's partition), in log order. */
    protected static List<EventEnvelope<?>> recordedUnder(Topic<?> topic, String key) {
        var partition = new TopicPartition(topic.name(),
                BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), topic.partitions()));
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new EventEnvelopeDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            var records = new ArrayList<EventEnvelope<?>>();
            while (consumer.position(partition) < end) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        records.add(record.value());
                    }
                }
            }
            return records;
        }
    }

    protected static JsonHttp.Response assertProblem(JsonHttp.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
        return response;
    }
}
