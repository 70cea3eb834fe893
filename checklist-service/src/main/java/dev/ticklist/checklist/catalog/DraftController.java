package dev.ticklist.checklist.catalog;

import dev.ticklist.events.catalog.ChecklistVersionPublished.Category;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Item;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Level;
import dev.ticklist.platform.identity.Tenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organisation's own checklists and their drafts: create (from scratch or as a copy), then
 * edit the draft as a whole (PUT) or one level, category or item at a time.
 */
@RestController
@RequestMapping("/api/v1/checklists")
class DraftController {

    private final CatalogCommands commands;

    DraftController(CatalogCommands commands) {
        this.commands = commands;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ChecklistView create(Tenant tenant, @Valid @RequestBody NewChecklist request) {
        return ChecklistView.of(commands.create(tenant.organisationId(), request.title(), request.copyOf(),
                request.copyOfVersion()));
    }

    @GetMapping("/{checklistId}/draft")
    ChecklistView draft(Tenant tenant, @PathVariable String checklistId) {
        return ChecklistView.of(commands.requireDraft(tenant.organisationId(), checklistId));
    }

    /** Replaces the whole draft. Elements sent without an id get one made from their name. */
    @PutMapping("/{checklistId}/draft")
    ChecklistView replace(Tenant tenant, @PathVariable String checklistId, @Valid @RequestBody DraftInput request) {
        return edit(tenant, checklistId, content -> request.toContent());
    }

    @PostMapping("/{checklistId}/draft/levels")
    @ResponseStatus(HttpStatus.CREATED)
    ChecklistView addLevel(Tenant tenant, @PathVariable String checklistId, @Valid @RequestBody NewElement request) {
        return edit(tenant, checklistId, content -> content.addLevel(request.id(), request.name(), request.position()));
    }

    @PatchMapping("/{checklistId}/draft/levels/{levelId}")
    ChecklistView updateLevel(Tenant tenant, @PathVariable String checklistId, @PathVariable String levelId,
                              @RequestBody ElementChange request) {
        return edit(tenant, checklistId, content -> content.updateLevel(levelId, request.name(), request.position()));
    }

    @DeleteMapping("/{checklistId}/draft/levels/{levelId}")
    ChecklistView removeLevel(Tenant tenant, @PathVariable String checklistId, @PathVariable String levelId) {
        return edit(tenant, checklistId, content -> content.removeLevel(levelId));
    }

    @PostMapping("/{checklistId}/draft/levels/{levelId}/categories")
    @ResponseStatus(HttpStatus.CREATED)
    ChecklistView addCategory(Tenant tenant, @PathVariable String checklistId, @PathVariable String levelId,
                              @Valid @RequestBody NewElement request) {
        return edit(tenant, checklistId,
                content -> content.addCategory(levelId, request.id(), request.name(), request.position()));
    }

    /** Renames a category, reorders it, or moves it to another level ({@code levelId}). */
    @PatchMapping("/{checklistId}/draft/categories/{categoryId}")
    ChecklistView updateCategory(Tenant tenant, @PathVariable String checklistId, @PathVariable String categoryId,
                                 @RequestBody ElementChange request) {
        return edit(tenant, checklistId, content -> content.updateCategory(categoryId, request.name(),
                request.levelId(), request.position()));
    }

    @DeleteMapping("/{checklistId}/draft/categories/{categoryId}")
    ChecklistView removeCategory(Tenant tenant, @PathVariable String checklistId, @PathVariable String categoryId) {
        return edit(tenant, checklistId, content -> content.removeCategory(categoryId));
    }

    @PostMapping("/{checklistId}/draft/categories/{categoryId}/items")
    @ResponseStatus(HttpStatus.CREATED)
    ChecklistView addItem(Tenant tenant, @PathVariable String checklistId, @PathVariable String categoryId,
                          @Valid @RequestBody NewElement request) {
        return edit(tenant, checklistId, content -> content.addItem(categoryId, request.id(), request.name(),
                request.description(), request.position()));
    }

    /** Renames an item, changes its description, reorders it, or moves it to another category ({@code categoryId}). */
    @PatchMapping("/{checklistId}/draft/items/{itemId}")
    ChecklistView updateItem(Tenant tenant, @PathVariable String checklistId, @PathVariable String itemId,
                             @RequestBody ElementChange request) {
        return edit(tenant, checklistId, content -> content.updateItem(itemId, request.name(), request.description(),
                request.categoryId(), request.position()));
    }

    @DeleteMapping("/{checklistId}/draft/items/{itemId}")
    ChecklistView removeItem(Tenant tenant, @PathVariable String checklistId, @PathVariable String itemId) {
        return edit(tenant, checklistId, content -> content.removeItem(itemId));
    }

    private ChecklistView edit(Tenant tenant, String checklistId,
                               java.util.function.UnaryOperator<ChecklistContent> change) {
        return ChecklistView.of(commands.edit(tenant.organisationId(), checklistId, change));
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
