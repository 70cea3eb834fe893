package dev.ticklist.progress.live;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import dev.ticklist.progress.model.MemberChange;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One change to a learner's progress, as the live streams carry it: what happened, to whom, in
 * which cohort and checklist version, and the position of the event that caused it.
 *
 * @param itemId   the item ticked, unticked, started or skipped; {@code null} for the other kinds
 * @param position {@code partition-offset} of the causing event, as a tick command returns it
 * @param time     when the causing event happened
 */
@Schema(name = "ProgressChange", description = "One change to a learner's progress, sent as the data of a `progress` event")
public record ProgressChange(
        String organisationId,
        String cohortId,
        String learnerId,
        String checklistId,
        int checklistVersion,
        Kind kind,
        @Schema(nullable = true, description = "the item ticked, unticked, started or skipped; null for the other kinds") String itemId,
        @Schema(example = "3-1042", description = "partition-offset of the event that caused the change") String position,
        Instant time) {

    public ProgressChange {
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(cohortId, "cohortId");
        Objects.requireNonNull(learnerId, "learnerId");
        Objects.requireNonNull(checklistId, "checklistId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(time, "time");
    }

    /** The change a learner's event made in one of their cohorts. */
    public static ProgressChange of(String organisationId, String learnerId, MemberChange change) {
        return new ProgressChange(organisationId, change.cohortId(), learnerId, change.checklistId(),
                change.checklistVersion(), Kind.valueOf(change.kind().toUpperCase(Locale.ROOT)), change.itemId(),
                change.position(), change.time());
    }

    /** What happened; written in lower case on the wire. */
    public enum Kind {
        /** An item was ticked: it is done. */
        @JsonProperty("ticked") TICKED,
        /** An item was unticked: it is not started. */
        @JsonProperty("unticked") UNTICKED,
        /** The learner started an item: it is in progress. */
        @JsonProperty("started") STARTED,
        /** The learner skipped an item. */
        @JsonProperty("skipped") SKIPPED,
        /** The learner moved to another checklist version (the one named in the change). */
        @JsonProperty("moved") MOVED,
        /** The learner joined the cohort. */
        @JsonProperty("joined") JOINED,
        /** The learner left the cohort. */
        @JsonProperty("left") LEFT
    }
}
