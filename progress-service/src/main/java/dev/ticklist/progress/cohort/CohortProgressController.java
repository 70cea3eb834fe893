package dev.ticklist.progress.cohort;

import dev.ticklist.platform.identity.Tenant;
import dev.ticklist.platform.web.Ids;
import dev.ticklist.platform.web.Problems;
import dev.ticklist.progress.calendar.TicksPerDay;
import dev.ticklist.progress.learner.LearnerHistory;
import dev.ticklist.progress.paging.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** A cohort's progress for dashboards: maintained as events arrive, never computed from learners on read. */
@Tag(name = "Cohort progress", description = "How cohorts stand, per level, category and item")
@RestController
class CohortProgressController {

    static final int MAX_SEARCH = 128;
    static final int MAX_COHORTS = 100;

    private final CohortProgressQuery query;
    private final CohortProgressAsOf asOf;
    private final Clock clock;

    CohortProgressController(CohortProgressQuery query, CohortProgressAsOf asOf, Clock clock) {
        this.query = query;
        this.asOf = asOf;
        this.clock = clock;
    }

    /**
     * Several cohorts' progress in brief (a list of cohorts reads them in one request): {@code ids}
     * names 1 to {@value #MAX_COHORTS} cohorts, comma-separated. A cohort no learner joined, or
     * another organisation's, reads as one with no learners.
     */
    @Operation(operationId = "listCohortProgress", summary = "List every cohort's progress")
    @GetMapping("/api/v1/progress/cohorts")
    CohortSummary.Listed cohorts(Tenant tenant, @RequestParam(required = false) List<String> ids) {
        if (ids == null || ids.isEmpty() || ids.size() > MAX_COHORTS) {
            throw Problems.invalid("bad-ids", "ids must name 1 to " + MAX_COHORTS + " cohorts, comma-separated");
        }
        ids.forEach(id -> Ids.requireExternal("cohort", id));
        return new CohortSummary.Listed(ids.stream()
                .map(id -> CohortSummary.of(query.find(tenant.organisationId(), id))).toList());
    }

    /**
     * Per level, category and item: learners who finished, average percent, a 10% histogram, item
     * shares. With {@code asOf} (an ISO-8601 moment, not in the future), as it stood then, replayed from the log.
     */
    @Operation(operationId = "getCohortProgress", summary = "Get a cohort's progress per level, category and item")
    @GetMapping("/api/v1/progress/cohorts/{cohortId}")
    CohortProgress cohort(Tenant tenant, @PathVariable String cohortId, @RequestParam(required = false) String asOf) {
        Ids.requireExternal("cohort", cohortId);
        if (asOf != null) {
            return this.asOf.find(tenant.organisationId(), cohortId, LearnerHistory.moment(asOf, clock));
        }
        return query.find(tenant.organisationId(), cohortId);
    }

    /**
     * The cohort's learners ranked by percent done, a page at a time; with {@code search}, only
     * those whose id contains it (any case), each with their rank in the whole cohort.
     */
    @Operation(operationId = "listCohortLearnerProgress", summary = "List a cohort's learners with their progress")
    @GetMapping("/api/v1/progress/cohorts/{cohortId}/learners")
    CohortRanking ranking(Tenant tenant, @PathVariable String cohortId,
                          @RequestParam(required = false) Long offset,
                          @RequestParam(required = false) Integer limit,
                          @RequestParam(required = false) String search) {
        Ids.requireExternal("cohort", cohortId);
        var page = PageRequest.of(offset, limit);
        if (search == null || search.isEmpty()) {
            return query.ranking(tenant.organisationId(), cohortId, page.offset(), page.limit());
        }
        if (search.length() > MAX_SEARCH || search.codePoints().anyMatch(Character::isISOControl)) {
            throw Problems.invalid("bad-search", "search must be at most " + MAX_SEARCH
                    + " characters, without control characters");
        }
        return query.search(tenant.organisationId(), cohortId, search, page.offset(), page.limit());
    }

    /** Learners × levels, percent done, as CSV for spreadsheets; most progressed first. */
    @Operation(operationId = "exportCohortTable", summary = "Export a cohort's learners and their progress as CSV")
    @GetMapping(value = "/api/v1/progress/cohorts/{cohortId}/table.csv", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> table(Tenant tenant, @PathVariable String cohortId) {
        Ids.requireExternal("cohort", cohortId);
        String organisationId = tenant.organisationId();
        StreamingResponseBody body = stream -> {
            Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            query.writeTable(organisationId, cohortId, out);
            out.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + cohortId + ".csv\"")
                .body(body);
    }

    /** Ticks per day (UTC) across the cohort: by default the last 365 days, at most 366. */
    @Operation(operationId = "getCohortTicksPerDay", summary = "Count a cohort's ticks per day")
    @GetMapping("/api/v1/progress/cohorts/{cohortId}/ticks-per-day")
    TicksPerDayView ticksPerDay(Tenant tenant, @PathVariable String cohortId,
                                @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to) {
        Ids.requireExternal("cohort", cohortId);
        var range = TicksPerDay.Range.of(from, to, TicksPerDay.today(clock));
        return new TicksPerDayView(cohortId, range.from(), range.to(),
                query.ticksPerDay(tenant.organisationId(), cohortId, range));
    }

    /**
     * Per level, how many of the cohort's learners had finished it by the end of each week
     * (Mondays, UTC): by default from the cohort's first activity to this week, at most
     * {@value CohortBurnUp#MAX_WEEKS} weeks.
     */
    @Operation(operationId = "getCohortBurnUp", summary = "Count the learners who finished each level, week by week")
    @GetMapping("/api/v1/progress/cohorts/{cohortId}/burn-up")
    CohortBurnUp burnUp(Tenant tenant, @PathVariable String cohortId,
                        @RequestParam(required = false) String from,
                        @RequestParam(required = false) String to) {
        Ids.requireExternal("cohort", cohortId);
        return query.burnUp(tenant.organisationId(), cohortId, from, to, TicksPerDay.today(clock));
    }

    record TicksPerDayView(String cohortId, LocalDate from, LocalDate to, List<TicksPerDay.Day> days) {
    }
}
