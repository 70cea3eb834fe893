package dev.ticklist.progress.pace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.progress.calendar.TicksPerDay.Day;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaceTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");
    private static final List<Pace.Left> LEFT = List.of(new Pace.Left("entry", "Entry", 0),
            new Pace.Left("intermediate", "Intermediate", 3), new Pace.Left("advanced", "Advanced", 4));

    @Test
    void ticksAreCountedInSevenDayPeriodsEndingTodayAndDaysOutsideTheWindowAreLeftOut() {
        var days = List.of(day("2026-11-09", 5), day("2026-11-10", 3), day("2026-11-16", 1), day("2026-11-20", 4),
                day("2026-12-07", 1), day("2026-12-08", 9));

        Pace pace = Pace.of(days, TODAY, 4, LEFT);

        assertThat(pace.from()).isEqualTo("2026-11-10");
        assertThat(pace.weeks()).containsExactly(new Pace.Week(LocalDate.parse("2026-11-10"), 4),
                new Pace.Week(LocalDate.parse("2026-11-17"), 4), new Pace.Week(LocalDate.parse("2026-11-24"), 0),
                new Pace.Week(LocalDate.parse("2026-12-01"), 1));
        assertThat(pace.itemsPerWeek()).isEqualTo(2.3);
    }

    @Test
    void levelsAreForecastInOrderEachAfterWhatTheLevelsBeforeItHaveLeft() {
        Pace pace = Pace.of(List.of(day("2026-12-01", 8)), TODAY, 4, LEFT);

        // Two items a week: Intermediate's 3 take 10.5 days (11), then Advanced's 4 more: 24.5 (25).
        assertThat(pace.levels()).containsExactly(new Pace.LevelForecast("entry", "Entry", 0, null),
                new Pace.LevelForecast("intermediate", "Intermediate", 3, LocalDate.parse("2026-12-18")),
                new Pace.LevelForecast("advanced", "Advanced", 4, LocalDate.parse("2027-01-01")));
    }

    @Test
    void withoutTicksInTheWindowNoLevelHasAProjectedFinish() {
        Pace pace = Pace.of(List.of(day("2026-10-01", 50)), TODAY, 4, LEFT);

        assertThat(pace.itemsPerWeek()).isZero();
        assertThat(pace.levels()).extracting(Pace.LevelForecast::projectedFinish).containsOnlyNulls();
    }

    private static Day day(String date, long ticks) {
        return new Day(LocalDate.parse(date), ticks);
    }
}
