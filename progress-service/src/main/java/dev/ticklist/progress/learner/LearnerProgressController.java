package dev.ticklist.progress.learner;

import dev.ticklist.platform.identity.Tenant;
import dev.ticklist.platform.web.Ids;
import dev.ticklist.platform.web.Problems;
import dev.ticklist.progress.calendar.TicksPerDay;
import dev.ticklist.progress.paging.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Learner progress", description = "How a learner stands, and what they did when")
@RestController
class LearnerProgressController {

    static final long READ_YOUR_WRITE_MILLIS = 2_000;
    private static final Pattern POSITION = Pattern.compile("^(\\d{1,5})-(\\d{1,18})$");

    private final LearnerProgressQuery query;
    private final LearnerProgressAsOf asOf;
    private final Clock clock;

    LearnerProgressController(LearnerProgressQuery query, LearnerProgressAsOf asOf, Clock clock) {
        this.query = query;
        this.asOf = asOf;
        this.clock = clock;
    }

    /**
     * The learner's progress; a learner with no activity yet has an empty list of checklists.
     * With {@code after} (the {@code position} a tick command returned), it answers once that
     * tick is applied, or after about {@value #READ_YOUR_WRITE_MILLIS} ms with {@code consistent: false}.
     */
    @Operation(operationId = "getLearnerProgress", summary = "Get a learner's progress in every cohort")
    @GetMapping("/api/v1/progress/learners/{learnerId}")
    CompletableFuture<LearnerProgress> learner(Tenant tenant, @PathVariable String learnerId,
                                               @RequestParam(required = false) String after) {
        Ids.requireExternal("learner", learnerId);
        if (after == null) {
            return CompletableFuture.completedFuture(query.find(tenant.organisationId(), learnerId));
        }
        return query.find(tenant.organisationId(), learnerId, offsetOf(after),
                Duration.ofMillis(READ_YOUR_WRITE_MILLIS));
    }

    /**
     * The learner's progress in one cohort, and nothing of their other cohorts: what a link to the
     * cohort or to the learner may show. A learner not in the cohort has an empty list of checklists.
     * With {@code asOf} (an ISO-8601 moment, not in the future), as it stood then, replayed from the log.
     */
    @Operation(operationId = "getLearnerProgressInCohort", summary = "Get a learner's progress in one cohort, item by item")
    @GetMapping("/api/v1/progress/cohorts/{cohortId}/learners/{learnerId}")
    LearnerProgress learnerInCohort(Tenant tenant, @PathVariable String cohortId, @PathVariable String learnerId,
                                    @RequestParam(required = false) String asOf) {
        Ids.requireExternal("cohort", cohortId);
        Ids.requireExternal("learner", learnerId);
        if (asOf == null) {
            return query.findIn(tenant.organisationId(), learnerId, cohortId);
        }
        return this.asOf.findIn(tenant.organisationId(), learnerId, cohortId, LearnerHistory.moment(asOf, clock));
    }

    /** The learner's ticks and unticks, newest first, a page at a time. */
    @Operation(operationId = "getLearnerTimeline", summary = "List a learner's ticks and milestones in order")
    @GetMapping("/api/v1/progress/learners/{learnerId}/timeline")
    LearnerTimeline timeline(Tenant tenant, @PathVariable String learnerId,
                             @RequestParam(required = false) Long offset,
                             @RequestParam(required = false) Integer limit) {
        Ids.requireExternal("learner", learnerId);
        var page = PageRequest.of(offset, limit);
        return query.timeline(tenant.organisationId(), learnerId, page.offset(), page.limit());
    }

    /** Ticks per day (UTC) for an activity calendar: by default the last 365 days, at most 366. */
    @Operation(operationId = "getLearnerTicksPerDay", summary = "Count a learner's ticks per day")
    @GetMapping("/api/v1/progress/learners/{learnerId}/ticks-per-day")
    TicksPerDayView ticksPerDay(Tenant tenant, @PathVariable String learnerId,
                                @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to) {
        Ids.requireExternal("learner", learnerId);
        var range = TicksPerDay.Range.of(from, to, TicksPerDay.today(clock));
        return new TicksPerDayView(learnerId, range.from(), range.to(),
                query.ticksPerDay(tenant.organisationId(), learnerId, range));
    }

    record TicksPerDayView(String learnerId, LocalDate from, LocalDate to, List<TicksPerDay.Day> days) {
    }

    /** A position is {@code partition-offset}; a learner's events all share one partition. */
    private static long offsetOf(String position) {
        var matcher = POSITION.matcher(position);
        if (!matcher.matches()) {
            throw Problems.invalid("bad-position", "after must be a position like 3-1042, as a tick command returns");
        }
        return Long.parseLong(matcher.group(2));
    }
}
