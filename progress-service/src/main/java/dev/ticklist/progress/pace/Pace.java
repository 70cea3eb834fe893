package dev.ticklist.progress.pace;

import dev.ticklist.progress.calendar.TicksPerDay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How fast a learner or a cohort has been ticking items lately, and when each level would be
 * finished at that pace. The rules, as a pure function of ticks per day and what is left:
 * <ul>
 * <li>The window is the last {@code weeks} weeks as 7-day periods ending today (UTC), oldest first;
 * {@code itemsPerWeek} is their ticks divided by {@code weeks}.</li>
 * <li>Levels are forecast in checklist order (Entry before Intermediate before Advanced): a level's
 * projected finish is the day its own items and those left in the levels before it are done at
 * that pace. A level with nothing left has none (it is finished); with no ticks in the window,
 * no level has one.</li>
 * </ul>
 *
 * @param weeks        ticks in each 7-day period of the window, oldest first
 * @param itemsPerWeek the window's ticks per week
 * @param levels       in checklist order
 */
public record Pace(LocalDate from, LocalDate to, List<Week> weeks, double itemsPerWeek, List<LevelForecast> levels) {

    public static final int DEFAULT_WEEKS = 4;
    public static final int MAX_WEEKS = 26;

    /** @param from the period's first day; it ends six days later */
    public record Week(LocalDate from, long ticked) {
    }

    /** What a level has left: items not yet ticked (for a cohort, summed over its learners). */
    public record Left(String id, String name, long remaining) {
    }

    /** @param projectedFinish null when nothing is left, or when the window saw no ticks */
    public record LevelForecast(String id, String name, long remaining, LocalDate projectedFinish) {
    }

    /**
     * @param days  ticks per day, covering at least the window (days outside it are ignored)
     * @param left  per level in checklist order, what is left
     */
    public static Pace of(List<TicksPerDay.Day> days, LocalDate today, int weeks, List<Left> left) {
        LocalDate from = window(today, weeks);
        long[] ticked = new long[weeks];
        for (TicksPerDay.Day day : days) {
            if (!day.date().isBefore(from) && !day.date().isAfter(today)) {
                ticked[(int) ((day.date().toEpochDay() - from.toEpochDay()) / 7)] += day.ticks();
            }
        }
        var periods = new ArrayList<Week>(weeks);
        long total = 0;
        for (int i = 0; i < weeks; i++) {
            periods.add(new Week(from.plusDays(7L * i), ticked[i]));
            total += ticked[i];
        }
        double perWeek = (double) total / weeks;
        var forecasts = new ArrayList<LevelForecast>(left.size());
        long before = 0;
        for (Left level : left) {
            before += level.remaining();
            LocalDate finish = level.remaining() == 0 || total == 0 ? null
                    : today.plusDays((long) Math.ceil(before * 7.0 / perWeek));
            forecasts.add(new LevelForecast(level.id(), level.name(), level.remaining(), finish));
        }
        return new Pace(from, today, List.copyOf(periods), Math.round(perWeek * 10) / 10.0, List.copyOf(forecasts));
    }

    /** The first day of a window of {@code weeks} 7-day periods ending {@code today}. */
    static LocalDate window(LocalDate today, int weeks) {
        return today.minusDays(7L * weeks - 1);
    }
}
