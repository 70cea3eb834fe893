package dev.ticklist.progress.model;

import static dev.ticklist.events.cohort.CohortMemberChanged.LEFT;
import static dev.ticklist.events.cohort.CohortMemberChanged.TICKED;
import static dev.ticklist.events.cohort.CohortMemberChanged.UNTICKED;

import dev.ticklist.events.cohort.CohortMembersChanged;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One learner's changes in one cohort during a flush, netted: the last membership standing, and
 * either the whole set of ticked items (after a join or move) or the final state of each item
 * touched (ticked or unticked). Touched items keep their final state even when it equals the
 * first (a tick then an untick says "unticked"): a cohort that holds the learner at any point of
 * the flush's span — as after a replay that derived other flush boundaries — still ends exact.
 * Ticks per day count every new tick, as they would one by one. The finish time of each level
 * touched is the last one given: the learner's, after the flush's last change to the level.
 */
public final class MemberNet {

    private String checklistId;
    private int checklistVersion;
    private boolean member = true;
    private boolean reset;
    private final Set<String> ticked = new LinkedHashSet<>();
    private final Set<String> unticked = new LinkedHashSet<>();
    private final Map<String, Integer> ticksPerDay = new TreeMap<>();
    private final Map<String, Instant> levelsFinishedAt = new TreeMap<>();
    private long sequence;
    private Instant time;
    private String position;

    public void add(MemberChange change) {
        checklistId = change.checklistId();
        checklistVersion = change.checklistVersion();
        sequence = change.sequence();
        time = change.time();
        position = change.position();
        switch (change.kind()) {
            case TICKED -> {
                levelTouched(change);
                unticked.remove(change.itemId());
                ticked.add(change.itemId());
                ticksPerDay.merge(change.time().atZone(ZoneOffset.UTC).toLocalDate().toString(), 1, Integer::sum);
            }
            case UNTICKED -> {
                levelTouched(change);
                ticked.remove(change.itemId());
                if (!reset) {
                    unticked.add(change.itemId());
                }
            }
            case LEFT -> {
                member = false;
                reset = false;
                ticked.clear();
                unticked.clear();
                levelsFinishedAt.clear();
            }
            default -> {
                // joined, moved: the whole standing replaces what came before
                member = true;
                reset = true;
                ticked.clear();
                unticked.clear();
                ticked.addAll(change.standing());
                levelsFinishedAt.clear();
                levelsFinishedAt.putAll(change.levelsFinishedAt());
            }
        }
    }

    /** The item's level is finished since the time the change gives, or open. */
    private void levelTouched(MemberChange change) {
        levelsFinishedAt.remove(change.level());
        levelsFinishedAt.putAll(change.levelsFinishedAt());
    }

    public CohortMembersChanged.Member toMember(String learnerId) {
        return new CohortMembersChanged.Member(learnerId, checklistId, checklistVersion, sequence,
                member ? CohortMembersChanged.MEMBER : CohortMembersChanged.LEFT, reset, List.copyOf(ticked),
                List.copyOf(unticked), ticksPerDay, levelsFinishedAt, time, position);
    }
}
