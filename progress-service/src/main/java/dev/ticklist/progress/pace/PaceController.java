package dev.ticklist.progress.pace;

import dev.ticklist.platform.identity.Tenant;
import dev.ticklist.platform.web.Ids;
import dev.ticklist.platform.web.Problems;
import dev.ticklist.progress.calendar.TicksPerDay;
import dev.ticklist.progress.cohort.CohortProgress;
import dev.ticklist.progress.cohort.CohortProgressQuery;
import dev.ticklist.progress.learner.LearnerProgressQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Items per week lately, and when each level would be finished at that pace ({@link Pace}). */
@Tag(name = "Pace", description = "Items per week lately and the projected finish of each level")
@RestController
class PaceController {

    private final LearnerProgressQuery learners;
    private final CohortProgressQuery cohorts;
    private final Clock clock;

    PaceController(LearnerProgressQuery learners, CohortProgressQuery cohorts, Clock clock) {
        this.learners = learners;
        this.cohorts = cohorts;
        this.clock = clock;
    }

    /**
     * The learner's ticks in this cohort's checklist per week (the items ticked now, each on the
     * day it was ticked), and its levels forecast. Nothing of their other cohorts: a link to this
     * cohort or learner may read it. A learner not in the cohort has no ticks and no levels.
     */
    @Operation(operationId = "getLearnerPace", summary = "Get a learner's items per week and projected finish per level")
    @GetMapping("/api/v1/progress/cohorts/{cohortId}/learners/{learnerId}/pace")
    Pace learner(Tenant tenant, @PathVariable String cohortId, @PathVariable String learnerId,
                 @RequestParam(required = false) Integer weeks) {
        Ids.requireExternal("cohort", cohortId);
        Ids.requireExternal("learner", learnerId);
        int window = weeks(weeks);
        LocalDate today = TicksPerDay.today(clock);
        var checklist = learners.findIn(tenant.organisationId(), learnerId, cohortId).checklists().stream().findFirst();
        List<Pace.Left> left = checklist.map(mine -> mine.levels().stream()
                        .map(level -> new Pace.Left(level.id(), level.name(),
                                level.total() - level.skipped() - level.ticked())).toList())
                .orElse(List.of());
        List<TicksPerDay.Day> days = checklist.map(mine -> mine.tickedItems().values().stream()
                        .collect(Collectors.groupingBy(time -> LocalDate.ofInstant(time, ZoneOffset.UTC),
                                Collectors.counting()))
                        .entrySet().stream().map(day -> new TicksPerDay.Day(day.getKey(), day.getValue())).toList())
                .orElse(List.of());
        return Pace.of(days, today, window, left);
    }

    /**
     * The cohort's ticks per week, and its levels forecast from the items its learners have left:
     * per item, the learners with anything left to do in the checklist less those who did it or
     * skipped it. (A level's own learner count leaves out those who skipped all of it, whom the
     * skipped counts include.)
     */
    @Operation(operationId = "getCohortPace", summary = "Get a cohort's items per week and projected finish per level")
    @GetMapping("/api/v1/progress/cohorts/{cohortId}/pace")
    Pace cohort(Tenant tenant, @PathVariable String cohortId, @RequestParam(required = false) Integer weeks) {
        Ids.requireExternal("cohort", cohortId);
        int window = weeks(weeks);
        LocalDate today = TicksPerDay.today(clock);
        CohortProgress progress = cohorts.find(tenant.organisationId(), cohortId);
        long learners = progress.overall().learners();
        List<Pace.Left> left = progress.levels().stream().map(level -> new Pace.Left(level.id(), level.name(),
                level.categories().stream().flatMap(category -> category.items().stream())
                        .mapToLong(item -> Math.max(0, learners - item.tickedBy() - item.skippedBy()))
                        .sum())).toList();
        var days = cohorts.ticksPerDay(tenant.organisationId(), cohortId, range(today, window));
        return Pace.of(days, today, window, left);
    }

    private static int weeks(Integer weeks) {
        if (weeks == null) {
            return Pace.DEFAULT_WEEKS;
        }
        if (weeks < 1 || weeks > Pace.MAX_WEEKS) {
            throw Problems.invalid("bad-weeks", "weeks must be 1 to " + Pace.MAX_WEEKS);
        }
        return weeks;
    }

    private static TicksPerDay.Range range(LocalDate today, int weeks) {
        return new TicksPerDay.Range(Pace.window(today, weeks), today);
    }
}
