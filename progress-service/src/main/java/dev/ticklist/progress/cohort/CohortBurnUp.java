package dev.ticklist.progress.cohort;

import dev.ticklist.platform.web.Problems;
import dev.ticklist.progress.calendar.TicksPerDay;
import dev.ticklist.progress.catalog.ChecklistStructure;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cohort's burn-up: per level, how many of today's members had finished it by the end of each
 * week (weeks start on Monday, UTC). Summed from the weekly counts the cohort's projection keeps
 * ({@code W:<level>:<monday>}, one per member and finished level, in the week they finished it),
 * so reading costs the same whatever the cohort's size.
 *
 * @param weeks   the Mondays from {@code from} to {@code to}
 * @param levels  in checklist order; empty before any learner joined
 */
public record CohortBurnUp(String cohortId, String checklistId, Integer checklistVersion, LocalDate from,
                           LocalDate to, List<LocalDate> weeks, List<LevelBurnUp> levels) {

    /** About five years of weeks. */
    public static final int MAX_WEEKS = 261;

    /**
     * @param learners members counted in the level today: the line the burn-up climbs towards
     * @param finished by week, the members who had finished the level by the end of it
     */
    public record LevelBurnUp(String id, String name, long learners, List<Long> finished) {
    }

    /** The weeks asked for, as Mondays; by default from the cohort's first activity to this week. */
    public record Range(LocalDate from, LocalDate to) {

        /** @param firstActivity the earliest day the cohort saw a tick or a finish, or null for none */
        public static Range of(String from, String to, LocalDate today, LocalDate firstActivity) {
            LocalDate end = monday(to == null ? today : TicksPerDay.date("to", to));
            LocalDate start;
            if (from != null) {
                start = monday(TicksPerDay.date("from", from));
            } else {
                LocalDate first = firstActivity == null ? end : monday(firstActivity);
                LocalDate earliest = end.minusWeeks(MAX_WEEKS - 1);
                start = first.isAfter(end) ? end : first.isBefore(earliest) ? earliest : first;
            }
            if (start.isAfter(end)) {
                throw Problems.invalid("bad-range", "from (" + start + ") is after to (" + end + ")");
            }
            if (ChronoUnit.WEEKS.between(start, end) >= MAX_WEEKS) {
                throw Problems.invalid("bad-range", "at most " + MAX_WEEKS + " weeks at a time");
            }
            return new Range(start, end);
        }
    }

    static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The earliest week with a finish among the aggregates, or null. */
    static LocalDate firstFinishWeek(Map<Object, Object> aggregates) {
        LocalDate first = null;
        for (var entry : aggregates.entrySet()) {
            String field = (String) entry.getKey();
            if (field.startsWith("W:") && !"0".equals(entry.getValue())) {
                LocalDate week = LocalDate.parse(field.substring(field.lastIndexOf(':') + 1));
                first = first == null || week.isBefore(first) ? week : first;
            }
        }
        return first;
    }

    /** The burn-up over the range, from the cohort's aggregates as stored. */
    static CohortBurnUp of(String cohortId, ChecklistStructure structure, Map<Object, Object> aggregates,
                           Range range) {
        var weeks = new ArrayList<LocalDate>();
        for (LocalDate week = range.from(); !week.isAfter(range.to()); week = week.plusWeeks(1)) {
            weeks.add(week);
        }
        if (structure == null) {
            return new CohortBurnUp(cohortId, null, null, range.from(), range.to(), weeks, List.of());
        }
        var levels = structure.levelsInOrder().stream().map(level -> {
            long[] perWeek = new long[weeks.size()];
            long before = 0;
            String prefix = "W:" + level.id() + ":";
            for (var entry : aggregates.entrySet()) {
                String field = (String) entry.getKey();
                if (field.startsWith(prefix)) {
                    LocalDate week = LocalDate.parse(field.substring(prefix.length()));
                    long count = Long.parseLong((String) entry.getValue());
                    if (week.isBefore(range.from())) {
                        before += count;
                    } else if (!week.isAfter(range.to())) {
                        perWeek[(int) ChronoUnit.WEEKS.between(range.from(), week)] += count;
                    }
                }
            }
            var finished = new ArrayList<Long>(weeks.size());
            long running = before;
            for (long count : perWeek) {
                running += count;
                finished.add(running);
            }
            Object learners = aggregates.get("L:" + level.id() + ":learners");
            return new LevelBurnUp(level.id(), level.name(), learners == null ? 0 : Long.parseLong((String) learners),
                    finished);
        }).toList();
        return new CohortBurnUp(cohortId, structure.checklistId(), structure.version(), range.from(), range.to(),
                weeks, levels);
    }
}
