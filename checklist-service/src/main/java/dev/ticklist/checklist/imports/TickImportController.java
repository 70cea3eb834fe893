package dev.ticklist.checklist.imports;

import dev.ticklist.platform.identity.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A cohort's ticks, unticks, starts and skips imported from a streamed body (see {@link TickImports}). */
@Tag(name = "Tick imports", description = "Import many learners' ticks, unticks, starts and skips in one streamed"
        + " request")
@RestController
@RequestMapping(TickImportController.PATH)
class TickImportController {

    static final String PATH = "/api/v1/cohorts/{cohortId}/imports/{importId}";

    private final TickImports imports;

    TickImportController(TickImports imports) {
        this.imports = imports;
    }

    @Operation(operationId = "importTicks",
            summary = "Import ticks, unticks, starts and skips from NDJSON or CSV lines")
    @PutMapping
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description =
            "One line per tick, untick, start or skip: NDJSON objects, or CSV under a header row; fields learnerId,"
                    + " itemId, action (tick, untick, start or skip) and optionally at (ISO-8601 with an offset) and"
                    + " reason (why an item is skipped, with skip only)", content = {
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string")),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    ResponseEntity<ImportReport> importTicks(Tenant tenant, @PathVariable String cohortId,
                                             @PathVariable String importId, HttpServletRequest request)
            throws IOException {
        var outcome = imports.run(tenant.organisationId(), cohortId, importId, typeOf(request),
                request.getInputStream());
        if (outcome.report().status().equals("stopped")) {
            throw TickImports.tooLarge(outcome.report());
        }
        var answer = ResponseEntity.ok();
        if (outcome.replayed()) {
            answer.header("Idempotent-Replayed", "true");
        }
        return answer.body(outcome.report());
    }

    @Operation(operationId = "getTickImport", summary = "Get an import's progress and the lines it refused")
    @GetMapping
    ImportReport report(Tenant tenant, @PathVariable String cohortId, @PathVariable String importId) {
        return imports.report(tenant.organisationId(), cohortId, importId);
    }

    private static MediaType typeOf(HttpServletRequest request) {
        try {
            return request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }
}
