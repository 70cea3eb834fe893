package dev.ticklist.checklist.catalog;

import dev.ticklist.events.catalog.ChecklistDraftSaved;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Category;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Item;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Level;
import dev.ticklist.platform.identity.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organisation's own checklists and their drafts: create (from scratch or as a copy), then
 * edit the draft as a whole (PUT) or one level, category or item at a time.
 */
@Tag(name = "Checklist drafts", description = "Edit a checklist's draft before publishing it")
@RestController
@RequestMapping("/api/v1/checklists")
class DraftController {

    private static final String IF_MATCH = "If-Match";

    private final CatalogCommands commands;

    DraftController(CatalogCommands commands) {
        this.commands = commands;
    }

    @Operation(operationId = "createChecklist", summary = "Create a checklist, empty or as a copy of another")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ChecklistView create(Tenant tenant, @Valid @RequestBody NewChecklist request) {
        return ChecklistView.of(commands.create(tenant.organisationId(), request.title(), request.copyOf(),
                request.copyOfVersion()));
    }

    /** The draft, with its entity tag: send it back as {@code If-Match} so an edit cannot overwrite another. */
    @Operation(operationId = "getDraft", summary = "Get the draft and its entity tag")
    @GetMapping("/{checklistId}/draft")
    ResponseEntity<ChecklistView> draft(Tenant tenant, @PathVariable String checklistId) {
        return tagged(HttpStatus.OK, commands.requireDraft(tenant.organisationId(), checklistId));
    }

    /** Replaces the whole draft. Elements sent without an id get one made from their name. */
    @Operation(operationId = "replaceDraft", summary = "Replace the whole draft")
    @PutMapping("/{checklistId}/draft")
    ResponseEntity<ChecklistView> replace(Tenant tenant, @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @PathVariable String checklistId, @Valid @RequestBody DraftInput request) {
        return edit(tenant, checklistId, ifMatch, HttpStatus.OK, content -> request.toContent());
    }

    @Operation(operationId = "addLevel", summary = "Add a level to the draft")
    @PostMapping("/{checklistId}/draft/levels")
    ResponseEntity<ChecklistView> addLevel(Tenant tenant, @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @PathVariable String checklistId, @Valid @RequestBody NewElement request) {
        return edit(tenant, checklistId, ifMatch, HttpStatus.CREATED, content -> content.addLevel(request.id(), request.name(), request.position()));
    }

    @Operation(operationId = "changeLevel", summary = "Rename or move a level")
    @PatchMapping("/{checklistId}/draft/levels/{levelId}")
    ResponseEntity<ChecklistView> updateLevel(Tenant tenant, @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @PathVariable String checklistId, @PathVariable String levelId,
                              @RequestBody ElementChange request) {
        return edit(tenant, checklistId, ifMatch, HttpStatus.OK, content -> content.updateLevel(levelId, request.name(), request.position()));
    }

    @Operation(operationId = "removeLevel", summary = "Remove a level from the draft")
    @DeleteMapping("/{checklistId}/draft/levels/{levelId}")
    ResponseEntity<ChecklistView> removeLevel(Tenant tenant, @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @PathVariable String checklistId, @PathVariable String levelId) {
        return edit(tenant, checklistId, ifMatch, HttpStatus.OK, content -> content.removeLevel(levelId));
    }

    @Operation(operationId = "addCategory", summary = "Add a category to a level")
    @PostMapping("/{checklistId}/draft/levels/{levelId}/categories")
    ResponseEntity<ChecklistView> addCategory(Tenant tenant, @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @PathVariable String checklistId, @PathVariable String levelId,
                              @Valid @RequestBody NewElement request) {
        return edit(tenant, checklistId, ifMatch, HttpStatus.CREATED,
                content -> content.addCategory(levelId, request.id(), request.name(), request.position()));
    }

    /** Renames a category, reorders it, or moves it to another level ({@code levelId}). */
    @Operation(operationId = "changeCategory", summary = "Rename or move a category")
    @PatchMapping("/{checklistId}/draft/categories/{categoryId}")
    ResponseEntity<ChecklistView> updateCategory(Tenant tenant, @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @PathVariable String checklistId, @PathVariable String categoryId,
                                 @RequestBody ElementChange request) {
        return edit(tenant, checklistId, ifMatch, HttpStatus.OK, content -> content.updateCategory(categoryId, request.name(),
                request.levelId(), request.position()));
    }

    @Operation(operationId = "removeCategory", summary = "Remove a category from the draft")
    @DeleteMapping("/{checklistId}/draft/categories/{categoryId}")
    ResponseEntity<ChecklistView> removeCategory(Tenant tenant, @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @PathVariable String checklistId, @PathVariable String categoryId) {
        return edit(tenant, checklistId, ifMatch, HttpStatus.OK, content -> content.removeCategory(categoryId));
    }

    @Operation(operationId = "addItem", summary = "Add an item to a category")
    @PostMapping("/{checklistId}/draft/categories/{categoryId}/items")
    ResponseEntity<ChecklistView> addItem(Tenant tenant, @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @PathVariable String checklistId, @PathVariable String categoryId,
                          @Valid @RequestBody NewElement request) {
        return edit(tenant, checklistId, ifMatch, HttpStatus.CREATED, content -> content.addItem(categoryId, request.id(), request.name(),
                request.description(), request.position()));
    }

    /** Renames an item, changes its description, reorders it, or moves it to another category ({@code categoryId}). */
    @Operation(operationId = "changeItem", summary = "Rename, describe or move an item")
    @PatchMapping("/{checklistId}/draft/items/{itemId}")
    ResponseEntity<ChecklistView> updateItem(Tenant tenant, @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @PathVariable String checklistId, @PathVariable String itemId,
                             @RequestBody ElementChange request) {
        return edit(tenant, checklistId, ifMatch, HttpStatus.OK, content -> content.updateItem(itemId, request.name(), request.description(),
                request.categoryId(), request.position()));
    }

    @Operation(operationId = "removeItem", summary = "Remove an item from the draft")
    @DeleteMapping("/{checklistId}/draft/items/{itemId}")
    ResponseEntity<ChecklistView> removeItem(Tenant tenant, @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @PathVariable String checklistId, @PathVariable String itemId) {
        return edit(tenant, checklistId, ifMatch, HttpStatus.OK, content -> content.removeItem(itemId));
    }

    private ResponseEntity<ChecklistView> edit(Tenant tenant, String checklistId, String ifMatch, HttpStatus status,
                                               UnaryOperator<ChecklistContent> change) {
        return tagged(status, commands.edit(tenant.organisationId(), checklistId, ifMatch, change));
    }

    private static ResponseEntity<ChecklistView> tagged(HttpStatus status, ChecklistDraftSaved draft) {
        return ResponseEntity.status(status).eTag(DraftTags.of(draft)).body(ChecklistView.of(draft));
    }

    /** @param copyOf a checklist to copy (a template or one of the organisation's), latest version unless given */
    record NewChecklist(String title, String copyOf, Integer copyOfVersion) {
    }

    record NewElement(String id, @NotBlank String name, String description, Integer position) {
    }

    /** Every field is optional: only what is given changes. */
    record ElementChange(String name, String description, String levelId, String categoryId, Integer position) {
    }

    record DraftInput(@NotBlank String title, @NotNull List<@Valid LevelInput> levels) {

        ChecklistContent toContent() {
            var ids = new IdAllocator();
            // First claim every id the client gave, so made-up ids never take one of them.
            levels.forEach(level -> {
                ids.claimLevel(level.id());
                level.categories().forEach(category -> {
                    ids.claimCategory(category.id());
                    category.items().forEach(item -> ids.claimItem(item.id()));
                });
            });
            return new ChecklistContent(title, levels.stream().map(level -> new Level(
                    ids.level(level.id(), level.name()), level.name(),
                    level.categories().stream().map(category -> new Category(
                            ids.category(category.id(), category.name()), category.name(),
                            category.items().stream().map(item -> new Item(ids.item(item.id(), item.name()),
                                    item.name(), item.description() == null ? "" : item.description())).toList()))
                            .toList())).toList()).validated();
        }
    }

    record LevelInput(String id, @NotBlank String name, @NotNull List<@Valid CategoryInput> categories) {
    }

    record CategoryInput(String id, @NotBlank String name, @NotNull List<@Valid ItemInput> items) {
    }

    record ItemInput(String id, @NotBlank String name, String description) {
    }

    /** Gives elements sent without an id a slug of their name, unique among ids of their kind. */
    private static final class IdAllocator {
        private final java.util.Set<String> levels = new java.util.HashSet<>();
        private final java.util.Set<String> categories = new java.util.HashSet<>();
        private final java.util.Set<String> items = new java.util.HashSet<>();

        void claimLevel(String id) {
            claim(levels, id);
        }

        void claimCategory(String id) {
            claim(categories, id);
        }

        void claimItem(String id) {
            claim(items, id);
        }

        String level(String id, String name) {
            return id != null ? id : made(levels, name);
        }

        String category(String id, String name) {
            return id != null ? id : made(categories, name);
        }

        String item(String id, String name) {
            return id != null ? id : made(items, name);
        }

        private static void claim(java.util.Set<String> taken, String id) {
            if (id != null) {
                taken.add(id);
            }
        }

        private static String made(java.util.Set<String> taken, String name) {
            return ChecklistIds.slugFor(name == null ? "" : name, "item", taken);
        }
    }
}
