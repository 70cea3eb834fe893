package dev.ticklist.progress.model;

import dev.ticklist.progress.catalog.ChecklistStructure;

/** The structure of a published checklist version, as the model needs it. */
@FunctionalInterface
public interface ChecklistVersions {

    ChecklistStructure of(String checklistId, int version);

    /** The structure of a version named as {@link #key} names it. */
    default ChecklistStructure of(String key) {
        int at = key.lastIndexOf('@');
        return of(key.substring(0, at), Integer.parseInt(key.substring(at + 1)));
    }

    /** {@code checklist@version}: how a version is named in state and in Redis keys. */
    static String key(String checklistId, int version) {
        return checklistId + "@" + version;
    }
}
