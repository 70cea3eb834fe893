package dev.ticklist.progress.model;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What one learner event changed in one cohort the learner is in: the unit the live streams
 * announce and that a flush nets into one {@link dev.ticklist.events.cohort.CohortMembersChanged.Member}.
 *
 * @param kind     {@link #JOINED}, {@link #LEFT}, {@link #MOVED}, or an item's new state: {@link #TICKED}
 *                 (done), {@link #UNTICKED} (not started), {@link #STARTED}, {@link #SKIPPED}
 * @param itemId   the item whose state changed, else null
 * @param standing for {@code joined} and {@code moved}, every item the learner has done, in progress
 *                 or skipped in the version
 * @param level    for an item's change of state, the item's level
 * @param levelsFinishedAt when the levels the change leaves finished were finished: the item's
 *                 level if it is, or for a join or move every finished level of the version
 * @param sequence the change's place in the learner's changes: twice the event's offset, plus
 *                 one except for a join the event implies before its own change
 */
public record MemberChange(String cohortId, String kind, String checklistId, int checklistVersion, String itemId,
                           Standing standing, String level, Map<String, Instant> levelsFinishedAt, long sequence,
                           Instant time, String position) {

    public static final String JOINED = "joined";
    public static final String LEFT = "left";
    public static final String MOVED = "moved";
    public static final String TICKED = "ticked";
    public static final String UNTICKED = "unticked";
    public static final String STARTED = "started";
    public static final String SKIPPED = "skipped";

    /** A learner's items in one version that are not "not started". */
    public record Standing(Set<String> done, Set<String> started, Set<String> skipped) {
    }
}
