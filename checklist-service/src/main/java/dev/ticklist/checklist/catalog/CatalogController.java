package dev.ticklist.checklist.catalog;

import dev.ticklist.platform.web.Ids;
import dev.ticklist.platform.identity.Tenant;
import dev.ticklist.platform.web.Problems;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/checklists")
class CatalogController {

    private final Catalog catalog;

    CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The checklists the organisation can assign: the built-in templates and its own. */
    @GetMapping
    List<ChecklistView.Summary> list(Tenant tenant) {
        return catalog.latestVisibleTo(tenant.organisationId()).stream().map(ChecklistView::summaryOf).toList();
    }

    @GetMapping("/{checklistId}")
    ChecklistView latest(Tenant tenant, @PathVariable String checklistId) {
        Ids.requireSlug("checklist", checklistId);
        return catalog.latest(tenant.organisationId(), checklistId)
                .map(ChecklistView::of)
                .orElseThrow(() -> Problems.notFound("checklist " + checklistId + " does not exist"));
    }

    @GetMapping("/{checklistId}/versions/{version}")
    ChecklistView version(Tenant tenant, @PathVariable String checklistId, @PathVariable int version) {
        Ids.requireSlug("checklist", checklistId);
        return catalog.version(tenant.organisationId(), checklistId, version)
                .map(ChecklistView::of)
                .orElseThrow(() -> Problems.notFound("checklist " + checklistId + " has no version " + version));
    }
}
