package dev.ticklist.checklist.tick;

import dev.ticklist.platform.identity.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Ticks", description = "Record what learners have done")
@RestController
@RequestMapping("/api/v1/cohorts/{cohortId}/learners/{learnerId}/ticks")
class TickController {

    private final TickCommands commands;

    TickController(TickCommands commands) {
        this.commands = commands;
    }

    @Operation(operationId = "tickItems", summary = "Tick items for a learner")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TickCommands.Receipt tick(Tenant tenant, @PathVariable String cohortId, @PathVariable String learnerId,
                              @Valid @RequestBody Ticks request) {
        return commands.tick(tenant.organisationId(), cohortId, learnerId, request.itemIds());
    }

    @Operation(operationId = "untickItem", summary = "Untick an item for a learner")
    @DeleteMapping("/{itemId}")
    TickCommands.Receipt untick(Tenant tenant, @PathVariable String cohortId, @PathVariable String learnerId,
                                @PathVariable String itemId) {
        return commands.untick(tenant.organisationId(), cohortId, learnerId, List.of(itemId));
    }

    record Ticks(@NotEmpty List<@NotBlank String> itemIds) {
    }
}
