package dev.ticklist.checklist.imports;

import java.time.Instant;

/**
 * One line of an import as read, before it is checked against the cohort.
 *
 * @param at when it happened, or null for the time of the import
 */
record ImportLine(String learnerId, String itemId, boolean tick, Instant at) {
}
