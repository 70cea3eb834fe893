package dev.ticklist.checklist.imports;

import dev.ticklist.checklist.tick.StateChange;
import java.time.Instant;

/**
 * One line of an import as read, before it is checked against the cohort.
 *
 * @param change what the line does to the item: its new state (tick, untick, start, skip) and a skip's reason
 * @param at     when it happened, or null for the time of the import
 */
record ImportLine(String learnerId, String itemId, StateChange change, Instant at) {
}
