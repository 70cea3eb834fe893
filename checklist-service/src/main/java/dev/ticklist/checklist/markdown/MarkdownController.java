package dev.ticklist.checklist.markdown;

import dev.ticklist.checklist.catalog.Catalog;
import dev.ticklist.checklist.catalog.CatalogCommands;
import dev.ticklist.checklist.catalog.ChecklistContent;
import dev.ticklist.checklist.catalog.ChecklistIds;
import dev.ticklist.checklist.tick.ItemState;
import dev.ticklist.checklist.tick.StateChange;
import dev.ticklist.checklist.tick.TickCommands;
import dev.ticklist.platform.identity.Tenant;
import dev.ticklist.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checklists as Markdown task lists, the way people keep them: export a version (with a
 * learner's ticks as {@code - [x]}), import a list as a new draft, import a learner's ticked list.
 */
@Tag(name = "Markdown", description = "Checklists and learners' ticks as Markdown task lists")
@RestController
class MarkdownController {

    static final String MARKDOWN = "text/markdown;charset=UTF-8";

    private final Catalog catalog;
    private final CatalogCommands catalogCommands;
    private final TickCommands ticks;
    private final LearnerTicks learnerTicks;

    MarkdownController(Catalog catalog, CatalogCommands catalogCommands, TickCommands ticks, LearnerTicks learnerTicks) {
        this.catalog = catalog;
        this.catalogCommands = catalogCommands;
        this.ticks = ticks;
        this.learnerTicks = learnerTicks;
    }

    @Operation(operationId = "exportChecklistMarkdown", summary = "Export a checklist version as a Markdown task list")
    @GetMapping(path = "/api/v1/checklists/{checklistId}/versions/{version}/markdown", produces = MARKDOWN)
    String export(Tenant tenant, @PathVariable String checklistId, @PathVariable int version,
                  @RequestParam(defaultValue = "false") boolean descriptions) {
        ChecklistIds.requireSlug("checklist", checklistId);
        catalogCommands.catchUp(checklistId);
        var published = catalog.version(tenant.organisationId(), checklistId, version)
                .orElseThrow(() -> Problems.notFound("checklist " + checklistId + " has no version " + version));
        return writer(descriptions).write(published.title(), published.levels(), Set.of());
    }

    /** The learner's checklist in their cohort, each item in its state (see {@link ChecklistMarkdownWriter}). */
    @Operation(operationId = "exportLearnerMarkdown",
            summary = "Export a learner's checklist with their ticks and item states as Markdown")
    @GetMapping(path = "/api/v1/cohorts/{cohortId}/learners/{learnerId}/checklist", produces = MARKDOWN)
    String exportLearner(Tenant tenant, @PathVariable String cohortId, @PathVariable String learnerId,
                         @RequestHeader("Authorization") String identity,
                         @RequestParam(defaultValue = "false") boolean descriptions) {
        var checklist = ticks.checklistOf(tenant.organisationId(), cohortId, learnerId);
        var items = learnerTicks.items(identity, learnerId, checklist.checklistId(), checklist.version());
        return writer(descriptions).write(checklist.title(), checklist.levels(), items);
    }

    /** A Markdown task list becomes a new draft; the report says what was not taken and why. */
    @Operation(operationId = "importChecklistMarkdown", summary = "Import a Markdown task list as a new checklist draft")
    @PostMapping(path = "/api/v1/checklists/import", consumes = {"text/markdown", "text/plain"})
    @ResponseStatus(HttpStatus.CREATED)
    ImportAnswer importChecklist(Tenant tenant, @RequestBody String markdown,
                                 @RequestParam(required = false) String title) {
        var imported = new ChecklistMarkdownReader().read(markdown);
        if (imported.counts().items() == 0) {
            throw Problems.invalid("nothing-to-import", "the file holds no task-list items (- [ ] …)");
        }
        String chosenTitle = title != null ? title : imported.title() != null ? imported.title() : "Imported checklist";
        var draft = catalogCommands.createDraft(tenant.organisationId(),
                new ChecklistContent(chosenTitle, imported.levels()), null);
        return new ImportAnswer(draft.checklistId(), imported.counts(), imported.skipped(), imported.adjusted());
    }

    /**
     * A learner's Markdown list sets the states it shows: checked items are ticked, items marked in
     * progress or skipped are started or skipped; plain {@code - [ ]} items are left as they are.
     * Lines matching no item are reported.
     */
    @Operation(operationId = "importLearnerMarkdown",
            summary = "Tick, start and skip a learner's items from a Markdown task list")
    @PostMapping(path = "/api/v1/cohorts/{cohortId}/learners/{learnerId}/ticks/markdown",
            consumes = {"text/markdown", "text/plain"})
    @ResponseStatus(HttpStatus.CREATED)
    TicksAnswer importTicks(Tenant tenant, @PathVariable String cohortId, @PathVariable String learnerId,
                            @RequestBody String markdown) {
        var checklist = ticks.checklistOf(tenant.organisationId(), cohortId, learnerId);
        var list = new TickedMarkdownReader().read(markdown, checklist.levels());
        var changes = changesIn(list);
        var receipt = changes.isEmpty() ? null
                : ticks.setStatesImported(tenant.organisationId(), cohortId, learnerId, changes);
        return new TicksAnswer(list.checkedItemIds(), list.startedItemIds(), list.skippedItems(),
                receipt == null ? null : receipt.position(), list.unmatched(), list.skipped());
    }

    /** Each item once (the reader lists an item in one list only): ticks, then starts, then skips. */
    private static SequencedMap<String, StateChange> changesIn(TickedList list) {
        var changes = new LinkedHashMap<String, StateChange>();
        list.checkedItemIds().forEach(id -> changes.put(id, StateChange.to(ItemState.DONE)));
        list.startedItemIds().forEach(id -> changes.put(id, StateChange.to(ItemState.IN_PROGRESS)));
        list.skippedItems().forEach(item ->
                changes.put(item.itemId(), new StateChange(ItemState.SKIPPED, item.reason())));
        return changes;
    }

    @ExceptionHandler(MarkdownTooLargeException.class)
    ErrorResponseException tooLarge(MarkdownTooLargeException e) {
        return Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "markdown-too-large", e.getMessage());
    }

    private static ChecklistMarkdownWriter writer(boolean descriptions) {
        var writer = new ChecklistMarkdownWriter();
        return descriptions ? writer.withDescriptions() : writer;
    }

    /** @param checklistId the new draft's id: edit it, then publish it */
    record ImportAnswer(String checklistId, ImportedChecklist.Counts counts, List<ReportLine> skipped,
                        List<ReportLine> adjusted) {
    }

    /**
     * @param ticked       items ticked, {@code started} items set in progress, {@code skippedItems} items skipped
     * @param position     where the last event landed, or null when nothing was recorded
     * @param unmatched    task items not taken, and why
     * @param skipped      other content that was not read
     */
    record TicksAnswer(List<String> ticked, List<String> started, List<TickedList.SkippedItem> skippedItems,
                       String position, List<ReportLine> unmatched, List<ReportLine> skipped) {
    }
}
