package dev.ticklist.checklist.markdown;

import dev.ticklist.events.catalog.ChecklistVersionPublished.Category;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Item;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Level;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** Test data: the built-in templates from the classpath, and a small checklist written in code. */
final class Checklists {

    /** The shape of src/main/resources/templates/*.json. */
    record Template(String id, String title, String description, List<Level> levels) {
    }

    private Checklists() {
    }

    static Template template(String file) {
        try (InputStream in = Checklists.class.getClassLoader().getResourceAsStream("templates/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no template " + file + " on the classpath");
            }
            return JsonMapper.builder().build().readValue(in, Template.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Level> small() {
        return List.of(
                new Level("entry", "Entry", List.of(
                        new Category("entry-data-handling", "Data handling", List.of(
                                new Item("image-data", "Image data", "Load small image datasets."),
                                new Item("audio-data", "Audio data", ""))),
                        new Category("entry-networks", "Networks", List.of(
                                new Item("dense-networks", "Dense networks", "Fully connected layers."))))),
                new Level("advanced", "Advanced", List.of(
                        new Category("advanced-data-handling", "Data handling", List.of(
                                new Item("image-data-at-scale", "Image data", "Millions of images.")))))
        );
    }

    /** The structure as names only, one line per level, category and item, indented: easy to compare and read. */
    static List<String> outline(List<Level> levels) {
        var lines = new ArrayList<String>();
        for (Level level : levels) {
            lines.add(level.name());
            for (Category category : level.categories()) {
                lines.add("  " + category.name());
                category.items().forEach(item -> lines.add("    " + item.name()));
            }
        }
        return lines;
    }

    static List<String> ids(List<Level> levels) {
        var ids = new ArrayList<String>();
        for (Level level : levels) {
            ids.add(level.id());
            for (Category category : level.categories()) {
                ids.add(category.id());
                category.items().forEach(item -> ids.add(item.id()));
            }
        }
        return ids;
    }
}
