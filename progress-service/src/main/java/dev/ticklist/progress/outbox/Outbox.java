package dev.ticklist.progress.outbox;

import dev.ticklist.events.TicklistEvent;
import dev.ticklist.events.Topic;
import dev.ticklist.events.cohort.CohortMembersChanged;
import dev.ticklist.events.cohort.CohortMembersChangedV2;
import dev.ticklist.platform.kafka.EventPublisher;
import dev.ticklist.platform.kafka.EventPublisher.Identified;
import dev.ticklist.progress.model.MemberWeight;
import dev.ticklist.progress.model.StableIds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Publishes events from projection outboxes and removes them only after the broker acknowledged
 * them: at least once, always under the same event id, in the order recorded. Learners' net
 * changes for one cohort, each in its learner's outbox, leave as one record per cohort.
 */
public class Outbox {

    /** About 250 bytes each: a record of at most this many stays far below the broker's 1 MB. */
    private static final int MEMBERS_PER_RECORD = 1_000;

    private final EventPublisher publisher;
    private final StringRedisTemplate redis;

    public Outbox(EventPublisher publisher, StringRedisTemplate redis) {
        this.publisher = publisher;
        this.redis = redis;
    }

    /** @param pending every entry of each outbox named, in order (as the store script returns them) */
    public void publish(List<? extends PendingEvent<?>> pending) {
        publish(pending, key -> null);
    }

    /**
     * @param pending every entry of each outbox named, in order (as the store script returns them)
     * @param traces  the trace an event of a key continues (null: none); cohort changes, merged
     *                from many learners' work, continue none
     */
    public void publish(List<? extends PendingEvent<?>> pending, Function<String, String> traces) {
        if (pending.isEmpty()) {
            return;
        }
        var byTopic = new LinkedHashMap<Topic<?>, List<Identified<TicklistEvent>>>();
        var cohorts = new LinkedHashMap<String, List<PendingEvent<?>>>();
        for (PendingEvent<?> event : pending) {
            if (event.event() instanceof CohortMembersChanged change) {
                cohorts.computeIfAbsent(change.organisationId() + "/" + change.cohortId() + "/" + change.generation(),
                        cohort -> new ArrayList<>()).add(event);
            } else {
                byTopic.computeIfAbsent(event.topic(), topic -> new ArrayList<>())
                        .add(new Identified<>(event.eventId(), event.event()).continuing(traces.apply(event.event().key())));
            }
        }
        // A record stays well under the broker's size limit however large the cohort.
        cohorts.values().forEach(changes -> {
            var records = byTopic.computeIfAbsent(changes.getFirst().topic(), topic -> new ArrayList<>());
            int from = 0;
            int weight = 0;
            for (int i = 0; i < changes.size(); i++) {
                int next = weightOf(changes.get(i));
                if (i > from && (i - from == MEMBERS_PER_RECORD || weight + next > MemberWeight.PER_RECORD)) {
                    records.add(merged(changes.subList(from, i)));
                    from = i;
                    weight = 0;
                }
                weight += next;
            }
            records.add(merged(changes.subList(from, changes.size())));
        });
        byTopic.forEach(this::publishTo);
        // Exactly the entries published: an outbox may have grown meanwhile (another owner's write).
        redis.executePipelined((RedisCallback<Object>) connection -> {
            pending.forEach(event -> connection.listCommands().lRem(bytes(event.outbox()), 1, bytes(event.entry())));
            return null;
        });
    }

    private static int weightOf(PendingEvent<?> change) {
        return MemberWeight.of((CohortMembersChanged) change.event());
    }

    /**
     * One record for a cohort's changes; its id follows from theirs, so the same changes reuse it.
     * Written in the oldest version that says it ({@link CohortMembersChangedV2#of}): a replica
     * of the release before item states reads it, until an item is started or skipped.
     */
    private static Identified<TicklistEvent> merged(List<PendingEvent<?>> changes) {
        if (changes.size() == 1) {
            return new Identified<>(changes.getFirst().eventId(), oldestReadable(changes.getFirst().event()));
        }
        var first = (CohortMembersChanged) changes.getFirst().event();
        var members = new ArrayList<CohortMembersChanged.Member>();
        var ids = new StringBuilder();
        for (PendingEvent<?> change : changes) {
            members.addAll(((CohortMembersChanged) change.event()).members());
            ids.append(ids.isEmpty() ? "" : ":").append(change.eventId());
        }
        String id = StableIds.of("cohort-members", ids.toString());
        return new Identified<>(id, oldestReadable(new CohortMembersChanged(first.organisationId(), first.cohortId(),
                first.generation(), members)));
    }

    private static TicklistEvent oldestReadable(TicklistEvent event) {
        return event instanceof CohortMembersChanged change
                ? CohortMembersChangedV2.of(change).<TicklistEvent>map(old -> old).orElse(change) : event;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void publishTo(Topic<?> topic, List<Identified<TicklistEvent>> events) {
        publisher.publishAll((Topic) topic, (List) events);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
