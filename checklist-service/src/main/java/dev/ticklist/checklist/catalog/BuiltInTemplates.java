package dev.ticklist.checklist.catalog;

import dev.ticklist.events.catalog.ChecklistVersionPublished;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Category;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Item;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Level;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checklists that ship with Ticklist (from the Machine Learning and Data Science progress
 * articles), as version 1 of read-only templates that every organisation may use.
 */
public final class BuiltInTemplates {

    static final List<String> FILES = List.of("templates/machine-learning.json", "templates/data-science.json");

    private BuiltInTemplates() {
    }

    public static List<ChecklistVersionPublished> load() {
        var json = JsonMapper.builder().build();
        return FILES.stream().map(file -> read(json, file)).toList();
    }

    /** The id under which a template is published: stable, so publishing it again is the same fact. */
    public static String eventId(ChecklistVersionPublished template) {
        return "template:" + template.checklistId() + ":v" + template.version();
    }

    private static ChecklistVersionPublished read(JsonMapper json, String file) {
        try (InputStream in = BuiltInTemplates.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing built-in template " + file);
            }
            TemplateFile template = json.readValue(in, TemplateFile.class);
            return new ChecklistVersionPublished(template.id(), 1, null, template.title(),
                    template.levels().stream().map(TemplateFile.LevelFile::toLevel).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shape of a template file in {@code src/main/resources/templates}. */
    record TemplateFile(String id, String title, String description, List<LevelFile> levels) {

        record LevelFile(String id, String name, List<CategoryFile> categories) {
            Level toLevel() {
                return new Level(id, name, categories.stream().map(CategoryFile::toCategory).toList());
            }
        }

        record CategoryFile(String id, String name, List<Item> items) {
            Category toCategory() {
                return new Category(id, name, items);
            }
        }
    }
}
