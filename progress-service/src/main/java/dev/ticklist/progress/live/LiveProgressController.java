package dev.ticklist.progress.live;

import dev.ticklist.platform.identity.Tenant;
import dev.ticklist.platform.web.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live progress as server-sent events, for dashboards: every change applied after the stream
 * opened, on whichever instance applied it. Nothing is replayed; a client that reconnects reads
 * the projection again for what it missed.
 */
@RestController
@Tag(name = "Live progress", description = "Server-sent event streams of progress changes")
class LiveProgressController {

    private final ProgressStreams streams;

    LiveProgressController(ProgressStreams streams) {
        this.streams = streams;
    }

    @Operation(operationId = "streamLearnerProgress", summary = "A learner's progress changes, live",
            description = "Each change is an event `progress` whose `id` is the position of the event that caused it "
                    + "and whose data is a ProgressChange; a comment every 15 s (by default) keeps the connection open.")
    @StreamResponses
    @GetMapping(path = "/api/v1/progress/learners/{learnerId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> learner(@Parameter(hidden = true) Tenant tenant,
                                       @Parameter(description = "the organisation's own learner id")
                                       @PathVariable String learnerId) {
        Ids.requireExternal("learner", learnerId);
        return unbuffered(streams.open(LiveChannels.learner(tenant.organisationId(), learnerId)));
    }

    @Operation(operationId = "streamCohortProgress", summary = "A cohort's progress changes, live",
            description = "Every change of every learner in the cohort: ticks, unticks, moves to another checklist "
                    + "version, learners joining and leaving. Events as in the learner's stream.")
    @StreamResponses
    @GetMapping(path = "/api/v1/progress/cohorts/{cohortId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> cohort(@Parameter(hidden = true) Tenant tenant, @PathVariable String cohortId) {
        Ids.requireExternal("cohort", cohortId);
        return unbuffered(streams.open(LiveChannels.cohort(tenant.organisationId(), cohortId)));
    }

    /** Asks proxies that buffer responses by default (nginx, and ingresses built on it) not to. */
    private static ResponseEntity<SseEmitter> unbuffered(SseEmitter emitter) {
        return ResponseEntity.ok().header("X-Accel-Buffering", "no").body(emitter);
    }

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "200", description = "a stream of `progress` events",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                    schema = @Schema(implementation = ProgressChange.class)))
    @ApiResponse(responseCode = "400", description = "a malformed id",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "this instance has its maximum of streams open, or Redis is "
            + "unavailable; retry after the Retry-After seconds",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @interface StreamResponses {
    }
}
