package dev.ticklist.checklist.tick;

import dev.ticklist.platform.identity.Tenant;
import dev.ticklist.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
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

    @Operation(operationId = "tickItems", summary = "Tick items for a learner, with evidence if given")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TickCommands.Receipt tick(Tenant tenant, @PathVariable String cohortId, @PathVariable String learnerId,
                              @RequestBody Ticks request) {
        List<String> itemIds = request.checkedItemIds(); // first, as bean validation ran before anything
        Evidence evidence = request.evidence() == null ? null : request.evidence().checked();
        return commands.tick(tenant.organisationId(), cohortId, learnerId, itemIds, evidence);
    }

    @Operation(operationId = "untickItem", summary = "Untick an item for a learner")
    @DeleteMapping("/{itemId}")
    TickCommands.Receipt untick(Tenant tenant, @PathVariable String cohortId, @PathVariable String learnerId,
                                @PathVariable String itemId) {
        return commands.untick(tenant.organisationId(), cohortId, learnerId, List.of(itemId));
    }

    @Operation(operationId = "attachEvidence", summary = "Attach or replace a learner's evidence for an item")
    @PutMapping("/{itemId}/evidence")
    TickCommands.Receipt attachEvidence(Tenant tenant, @PathVariable String cohortId, @PathVariable String learnerId,
                                        @PathVariable String itemId, @RequestBody EvidenceRequest request) {
        return commands.attachEvidence(tenant.organisationId(), cohortId, learnerId, itemId, request.checked());
    }

    @Operation(operationId = "removeEvidence", summary = "Take away a learner's evidence for an item")
    @DeleteMapping("/{itemId}/evidence")
    TickCommands.Receipt removeEvidence(Tenant tenant, @PathVariable String cohortId, @PathVariable String learnerId,
                                        @PathVariable String itemId) {
        return commands.removeEvidence(tenant.organisationId(), cohortId, learnerId, itemId);
    }

    @Operation(operationId = "setItemState",
            summary = "Set a learner's item to done, in progress, skipped or not started",
            description = "done records a tick, in-progress a start, skipped a skip (with an optional reason: the"
                    + " item leaves its level's count and never counts as done), not-started an untick. The same"
                    + " answer as a tick: one event id and position.")
    @PutMapping("/{itemId}/state")
    TickCommands.Receipt setState(Tenant tenant, @PathVariable String cohortId, @PathVariable String learnerId,
                                  @PathVariable String itemId, @RequestBody StateRequest request) {
        return commands.setState(tenant.organisationId(), cohortId, learnerId, itemId, request.checked());
    }

    /**
     * The constraints are checked by hand ({@link #checkedItemIds()}), with the answer bean
     * validation gives (in English, as every other detail of ours: bean validation would have
     * translated these two messages by {@code Accept-Language}): a validator per tick was a
     * twentieth of the command's CPU (docs/benchmarks.md, "Requests"). The annotations stay for
     * the API document.
     */
    record Ticks(@NotEmpty List<@NotBlank String> itemIds,
                 @Schema(description = "Evidence for every item ticked; leave it out for none")
                 EvidenceRequest evidence) {

        List<String> checkedItemIds() {
            if (itemIds == null || itemIds.isEmpty()) {
                throw Problems.invalidFields(List.of(Problems.fieldError("itemIds", "must not be empty")));
            }
            var blank = new ArrayList<Map<String, String>>();
            for (int i = 0; i < itemIds.size(); i++) {
                if (itemIds.get(i) == null || itemIds.get(i).isBlank()) {
                    blank.add(Problems.fieldError("itemIds[" + i + "]", "must not be blank"));
                }
            }
            if (!blank.isEmpty()) {
                throw Problems.invalidFields(blank);
            }
            return itemIds;
        }
    }

    /** Evidence as sent; {@link Evidence} checks it (so its problems name what to fix). */
    @Schema(name = "Evidence", description = "A link and a short note, either or both; the link is never fetched")
    record EvidenceRequest(
            @Schema(description = "An absolute https or http URL with a host, printable ASCII, no user:password@",
                    format = "uri", maxLength = 2048, example = "https://github.com/ada/house-prices")
            String url,
            @Schema(description = "One line of plain text", maxLength = 280,
                    example = "Linear and ridge regression on a housing dataset")
            String note) {

        Evidence checked() {
            return new Evidence(url, note);
        }
    }

    /** A state as sent; {@link StateChange} checks the reason (so its problems name what to fix). */
    @Schema(name = "ItemStateChange", description = "The state to set an item to, and why for a skip")
    record StateRequest(
            @Schema(description = "The item's new state", requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"done", "in-progress", "skipped", "not-started"}, example = "skipped")
            String state,
            @Schema(description = "Why the item is skipped (only with skipped): one line of plain text",
                    maxLength = 280, example = "Covered by my degree")
            String reason) {

        StateChange checked() {
            if (state == null) {
                throw Problems.invalid("bad-item-state", "state is missing: one of " + ItemState.NAMES);
            }
            var named = ItemState.named(state).orElseThrow(() -> Problems.invalid("bad-item-state",
                    "state must be one of " + ItemState.NAMES));
            return new StateChange(named, reason);
        }
    }
}
