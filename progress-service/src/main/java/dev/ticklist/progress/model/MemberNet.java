package dev.ticklist.progress.model;

import static dev.ticklist.progress.model.MemberChange.LEFT;
import static dev.ticklist.progress.model.MemberChange.SKIPPED;
import static dev.ticklist.progress.model.MemberChange.STARTED;
import static dev.ticklist.progress.model.MemberChange.TICKED;
import static dev.ticklist.progress.model.MemberChange.UNTICKED;

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
 * either every item done, in progress and skipped (after a join or move) or the final state of
 * each item touched (ticked, unticked, started or skipped). Touched items keep their final state
 * even when it equals the first (a tick then an untick says "unticked"): a cohort that holds the
 * learner at any point of
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
    private final Set<String> started = new LinkedHashSet<>();
    private final Set<String> skipped = new LinkedHashSet<>();
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
                itemNow(change, ticked);
                ticksPerDay.merge(change.time().atZone(ZoneOffset.UTC).toLocalDate().toString(), 1, Integer::sum);
            }
            case UNTICKED -> itemNow(change, reset ? null : unticked);
            case STARTED -> itemNow(change, started);
            case SKIPPED -> itemNow(change, skipped);
            case LEFT -> {
                member = false;
                reset = false;
                clearItems();
                levelsFinishedAt.clear();
            }
            default -> {
                // joined, moved: the whole standing replaces what came before
                member = true;
                reset = true;
                clearItems();
                ticked.addAll(change.standing().done());
                started.addAll(change.standing().started());
                skipped.addAll(change.standing().skipped());
                levelsFinishedAt.clear();
                levelsFinishedAt.putAll(change.levelsFinishedAt());
            }
        }
    }

    /** The item's final state so far: in the one set given (none: not started after a reset, which lists no such items). */
    private void itemNow(MemberChange change, Set<String> state) {
        levelTouched(change);
        String item = change.itemId();
        ticked.remove(item);
        unticked.remove(item);
        started.remove(item);
        skipped.remove(item);
        if (state != null) {
            state.add(item);
        }
    }

    private void clearItems() {
        ticked.clear();
        unticked.clear();
        started.clear();
        skipped.clear();
    }

    /** The item's level is finished since the time the change gives, or open. */
    private void levelTouched(MemberChange change) {
        levelsFinishedAt.remove(change.level());
        levelsFinishedAt.putAll(change.levelsFinishedAt());
    }

    public CohortMembersChanged.Member toMember(String learnerId) {
        return new CohortMembersChanged.Member(learnerId, checklistId, checklistVersion, sequence,
                member ? CohortMembersChanged.MEMBER : CohortMembersChanged.LEFT, reset, List.copyOf(ticked),
                List.copyOf(unticked), List.copyOf(started), List.copyOf(skipped), ticksPerDay, levelsFinishedAt,
                time, position);
    }
}
