package dev.ticklist.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.junit.jupiter.api.Test;

class SharedEndOffsetsTest {

    private static final long SPACING = SharedEndOffsets.SPACING.toNanos();

    private final List<KafkaFutureImpl<Map<TopicPartition, ListOffsetsResultInfo>>> sent = new ArrayList<>();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    /** Tasks run later, with the time they are due. */
    private final List<Map.Entry<Long, Runnable>> later = new ArrayList<>();
    private final SharedEndOffsets ends = endsScheduling((nanos, task) -> later.add(Map.entry(now.get() + nanos, task)));

    /** Queries recorded in {@link #sent}, time from {@link #now}, delayed sends handed to {@code later}. */
    private SharedEndOffsets endsScheduling(SharedEndOffsets.Later later) {
        return new SharedEndOffsets(() -> {
            var query = new KafkaFutureImpl<Map<TopicPartition, ListOffsetsResultInfo>>();
            sent.add(query);
            return query;
        }, now::get, later);
    }

    @Test
    void aCallerArrivingWhileAQueryIsOutGetsTheNextQuerysAnswerNotThatOne() {
        var first = ends.next();
        assertThat(sent).hasSize(1);

        var second = ends.next();
        var third = ends.next();
        assertThat(sent).as("one query out at a time").hasSize(1);

        now.addAndGet(SPACING);
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

        now.addAndGet(SPACING);
        var second = ends.next();
        assertThat(sent).hasSize(2);
        sent.get(1).complete(endsOf(3));
        assertThat(second.join()).containsEntry(0, 3L);
    }

    @Test
    void queriesAreSpacedSoCallersArrivingSoonAfterOneShareTheNext() {
        var first = ends.next();
        sent.get(0).complete(endsOf(10));
        assertThat(first.join()).containsEntry(0, 10L);

        now.addAndGet(SPACING / 4);
        var second = ends.next();
        now.addAndGet(SPACING / 4);
        var third = ends.next();
        assertThat(sent).as("within the spacing of the first: none sent yet").hasSize(1);
        assertThat(later).singleElement().satisfies(task -> assertThat(task.getKey()).isEqualTo(1_000_000_000L + SPACING));

        now.set(later.getFirst().getKey());
        later.removeFirst().getValue().run();
        assertThat(sent).as("one query for both, sent after they asked").hasSize(2);
        sent.get(1).complete(endsOf(12));
        assertThat(second.join()).containsEntry(0, 12L);
        assertThat(third.join()).containsEntry(0, 12L);
    }

    @Test
    void aCallerAfterAQuietSpellIsAnsweredByAQuerySentAtOnce() {
        ends.next();
        sent.get(0).complete(endsOf(1));

        now.addAndGet(SPACING * 10);
        var next = ends.next();

        assertThat(sent).hasSize(2);
        assertThat(later).isEmpty();
        sent.get(1).complete(endsOf(2));
        assertThat(next.join()).containsEntry(0, 2L);
    }

    @Test
    void aDelayThatCannotBeScheduledSendsAtOnceRatherThanLeaveItsCallersWaiting() {
        var refusing = endsScheduling((nanos, task) -> {
            throw new IllegalStateException("no thread for the delay");
        });
        refusing.next();
        sent.get(0).complete(endsOf(1));

        var next = refusing.next();

        assertThat(sent).hasSize(2);
        sent.get(1).complete(endsOf(2));
        assertThat(next.join()).containsEntry(0, 2L);
    }

    private static Map<TopicPartition, ListOffsetsResultInfo> endsOf(long offset) {
        return Map.of(new TopicPartition("topic", 0), new ListOffsetsResultInfo(offset, -1, java.util.Optional.empty()));
    }
}
