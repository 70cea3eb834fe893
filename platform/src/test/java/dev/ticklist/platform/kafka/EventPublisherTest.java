package dev.ticklist.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.Topics;
import dev.ticklist.events.activity.ItemTicked;
import dev.ticklist.events.kafka.EventEnvelopeSerializer;
import dev.ticklist.platform.tracing.EventTraces;
import dev.ticklist.testsupport.local.FreePorts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

class EventPublisherTest {

    /** No broker answers on the port (loopback, free a moment ago): the write is never acknowledged. */
    @Test
    void anEventTheBrokerNeverAcknowledgesFailsTheCommandAndIsCounted() {
        var factory = new DefaultKafkaProducerFactory<String, EventEnvelope<?>>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + FreePorts.next(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 500),
                new StringSerializer(), new EventEnvelopeSerializer());
        var meters = new SimpleMeterRegistry();
        var publisher = new EventPublisher(new KafkaTemplate<>(factory), "test-service", Clock.systemUTC(), meters,
                EventTraces.NONE);
        try {
            assertThatThrownBy(() -> publisher.publish(Topics.LEARNER_ACTIVITY,
                    new ItemTicked("org_acme", "coh_1", "ada", "machine-learning", 1, "regression")))
                    .isInstanceOf(RuntimeException.class);

            assertThat(meters.get(EventMetrics.PUBLISH_FAILED).tag("topic", Topics.LEARNER_ACTIVITY.name())
                    .counter().count()).isEqualTo(1.0);
        } finally {
            factory.destroy();
        }
    }
}
