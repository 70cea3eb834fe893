package dev.ticklist.progress.model;

import dev.ticklist.events.activity.LearnerActivityEvent;
import java.time.Instant;

/**
 * One event of a learner's stream as the model reads it.
 *
 * @param eventId the CloudEvents id: the events it causes take their ids from it
 * @param offset  its offset in the learner's partition: the learner's events grow in it
 */
public record LearnerActivity(String eventId, int partition, long offset, Instant time, LearnerActivityEvent event) {

    /** {@code partition-offset}, as a tick command returns it. */
    public String position() {
        return partition + "-" + offset;
    }
}
