package dev.ticklist.progress.model;

import dev.ticklist.progress.catalog.ChecklistStructure;

/** The structure of a published checklist version, as the model needs it. */
@FunctionalInterface
public interface ChecklistVersions {

    ChecklistStructure of(String checklistId, int version);

    /** {@code checklist@version}: how a version is named in state and in Redis keys. */
    static String key(String checklistId, int version) {
        return checklistId + "@" + version;
    }
}
