package dev.ticklist.platform.kafka;

import dev.ticklist.events.EventEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * A batch listener's loop: each record becomes a change, and the changes are applied in order.
 * A record that can never be applied ends the batch: the changes before it are applied first,
 * so the container commits them, dead-letters that record, and delivers the rest again.
 */
public final class PoisonAwareBatch {

    private PoisonAwareBatch() {
    }

    public static <C> void apply(List<ConsumerRecord<String, EventEnvelope<?>>> records,
                                 Function<ConsumerRecord<String, EventEnvelope<?>>, C> change,
                                 BiConsumer<List<C>, List<ConsumerRecord<String, EventEnvelope<?>>>> applyInOrder) {
        var changes = new ArrayList<C>(records.size());
        for (int index = 0; index < records.size(); index++) {
            try {
                changes.add(change.apply(records.get(index)));
            } catch (PoisonEventException e) {
                applyInOrder.accept(changes, records.subList(0, index));
                // Named by the record, not its index: a listener may pass on only part of its batch.
                throw new BatchListenerFailedException(e.getMessage(), e, records.get(index));
            }
        }
        applyInOrder.accept(changes, records);
    }
}
