package dev.ticklist.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.junit.jupiter.api.Test;

class SharedEndOffsetsTest {

    private final List<KafkaFutureImpl<Map<TopicPartition, ListOffsetsResultInfo>>> sent = new ArrayList<>();
    private final SharedEndOffsets ends = new SharedEndOffsets(() -> {
        var query = new KafkaFutureImpl<Map<TopicPartition, ListOffsetsResultInfo>>();
        sent.add(query);
        return query;
    });

    @Test
    void aCallerArrivingWhileAQueryIsOutGetsTheNextQuerysAnswerNotThatOne() {
        var first = ends.next();
        assertThat(sent).hasSize(1);

        var second = ends.next();
        var third = ends.next();
        assertThat(sent).as("one query out at a time").hasSize(1);

        sent.get(0).complete(endsOf(10));
        assertThat(first.join()).containsEntry(0, 10L);
        assertThat(second).isNotDone();
        assertThat(sent).as("the waiting callers' query, sent after they asked").hasSize(2);

        sent.get(1).complete(endsOf(12));
        assertThat(second.join()).containsEntry(0, 12L);
        assertThat(third.join()).containsEntry(0, 12L);
    }

    @Test
    void aFailedQueryFailsItsCallersAndTheNextCallerSendsAnother() {
        var first = ends.next();
        sent.get(0).completeExceptionally(new IllegalStateException("broker gone"));
        assertThat(first).isCompletedExceptionally();

        var second = ends.next();
        assertThat(sent).hasSize(2);
        sent.get(1).complete(endsOf(3));
        assertThat(second.join()).containsEntry(0, 3L);
    }

    private static Map<TopicPartition, ListOffsetsResultInfo> endsOf(long offset) {
        return Map.of(new TopicPartition("topic", 0), new ListOffsetsResultInfo(offset, -1, java.util.Optional.empty()));
    }
}
