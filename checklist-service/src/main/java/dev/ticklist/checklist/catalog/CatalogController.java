package dev.ticklist.checklist.catalog;

import dev.ticklist.platform.identity.Tenant;
import dev.ticklist.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Reading checklists and their versions, and publishing a draft. Drafts are edited in {@link DraftController}. */
@Tag(name = "Checklists", description = "Built-in templates and the organisation's own checklists, with their published versions")
@RestController
@RequestMapping("/api/v1/checklists")
class CatalogController {

    private final Catalog catalog;
    private final CatalogCommands commands;

    CatalogController(Catalog catalog, CatalogCommands commands) {
        this.catalog = catalog;
        this.commands = commands;
    }

    /** The checklists the organisation can assign or edit: the built-in templates and its own. */
    @Operation(operationId = "listChecklists", summary = "List the checklists the organisation can use")
    @GetMapping
    List<ChecklistView.Summary> list(Tenant tenant) {
        String organisation = tenant.organisationId();
        return catalog.checklistIds(organisation).stream().map(id -> {
            var latest = catalog.latest(organisation, id);
            var draft = catalog.draft(organisation, id);
            var shown = latest.map(ChecklistView::of).orElseGet(() -> ChecklistView.of(draft.orElseThrow()));
            return new ChecklistView.Summary(id, latest.map(v -> v.version()).orElse(0), shown.title(),
                    shown.template(), draft.isPresent(), shown.itemCount());
        }).toList();
    }

    /** The latest published version; a checklist with only a draft answers with its draft. */
    @Operation(operationId = "getChecklist", summary = "Get a checklist at its latest version")
    @GetMapping("/{checklistId}")
    ChecklistView latest(Tenant tenant, @PathVariable String checklistId) {
        ChecklistIds.requireSlug("checklist", checklistId);
        commands.catchUp(checklistId);
        return catalog.latest(tenant.organisationId(), checklistId).map(ChecklistView::of)
                .or(() -> catalog.draft(tenant.organisationId(), checklistId).map(ChecklistView::of))
                .orElseThrow(() -> Problems.notFound("checklist " + checklistId + " does not exist"));
    }

    @Operation(operationId = "listChecklistVersions", summary = "List a checklist's published versions")
    @GetMapping("/{checklistId}/versions")
    List<ChecklistView.VersionSummary> versions(Tenant tenant, @PathVariable String checklistId) {
        ChecklistIds.requireSlug("checklist", checklistId);
        commands.catchUp(checklistId);
        var versions = catalog.versions(tenant.organisationId(), checklistId);
        if (versions.isEmpty() && catalog.draft(tenant.organisationId(), checklistId).isEmpty()) {
            throw Problems.notFound("checklist " + checklistId + " does not exist");
        }
        return versions.stream().map(ChecklistView::versionOf).toList();
    }

    @Operation(operationId = "getChecklistVersion", summary = "Get one published version of a checklist")
    @GetMapping("/{checklistId}/versions/{version}")
    ChecklistView version(Tenant tenant, @PathVariable String checklistId, @PathVariable int version) {
        ChecklistIds.requireSlug("checklist", checklistId);
        commands.catchUp(checklistId);
        return catalog.version(tenant.organisationId(), checklistId, version)
                .map(ChecklistView::of)
                .orElseThrow(() -> Problems.notFound("checklist " + checklistId + " has no version " + version));
    }

    /** Publishes the draft as the next numbered version, which never changes afterwards. */
    @Operation(operationId = "publishChecklist", summary = "Publish the draft as a new immutable version")
    @PostMapping("/{checklistId}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    ChecklistView publish(Tenant tenant, @PathVariable String checklistId) {
        return ChecklistView.of(commands.publish(tenant.organisationId(), checklistId));
    }

    @Operation(operationId = "refuseChangeToPublishedVersion", summary = "Published versions cannot be changed")
    @RequestMapping(path = "/{checklistId}/versions/{version}",
            method = {RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE})
    void editPublished(Tenant tenant, @PathVariable String checklistId, @PathVariable int version) {
        version(tenant, checklistId, version);
        throw immutable(checklistId, version);
    }

    private static ErrorResponseException immutable(String checklistId, int version) {
        return Problems.conflict("version-immutable", "checklist " + checklistId + " v" + version
                + " is published and never changes; edit the draft and publish a new version");
    }
}
