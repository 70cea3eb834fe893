package dev.ticklist.checklist.imports;

import dev.ticklist.checklist.tick.ItemState;
import dev.ticklist.checklist.tick.SkipReason;
import dev.ticklist.checklist.tick.StateChange;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the lines of an import are written: NDJSON, one object per line, or CSV under a header
 * row. Both name the same fields: {@code learnerId}, {@code itemId}, {@code action}
 * ({@code tick}, {@code untick}, {@code start} or {@code skip}) and, optionally, {@code at}
 * (ISO-8601 with an offset) and {@code reason} (why an item is skipped, with {@code skip} only).
 */
sealed interface LineFormat {

    List<String> FIELDS = List.of("learnerId", "itemId", "action", "at", "reason");

    /** The line read, or why it cannot be; {@code null} for a line that holds nothing (skipped). */
    ImportLine parse(String line) throws RefusedLine;

    static LineFormat ndjson() {
        return new Ndjson();
    }

    /** CSV whose first line names the columns, in any order; {@code at} and {@code reason} may be left out. */
    static LineFormat csv(String header) throws RefusedLine {
        return new Csv(Csv.columnsOf(header));
    }

    final class Ndjson implements LineFormat {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        @Override
        public ImportLine parse(String line) throws RefusedLine {
            if (line.isBlank()) {
                return null;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JacksonException e) {
                throw new RefusedLine("not a JSON object");
            }
            if (node == null || !node.isObject()) {
                throw new RefusedLine("not a JSON object");
            }
            for (String name : node.propertyNames()) {
                if (!FIELDS.contains(name)) {
                    throw new RefusedLine("unknown field '" + Text.abbreviate(name)
                            + "' (fields: learnerId, itemId, action, at, reason)");
                }
            }
            return line(text(node, "learnerId"), text(node, "itemId"), text(node, "action"), text(node, "at"),
                    text(node, "reason"));
        }

        private static String text(JsonNode node, String field) throws RefusedLine {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isString()) {
                throw new RefusedLine(field + " must be a string");
            }
            return value.asString();
        }
    }

    final class Csv implements LineFormat {

        private final int[] columns;
        private final int named;

        private Csv(int[] columns) {
            this.columns = columns;
            this.named = (int) Arrays.stream(columns).filter(column -> column >= 0).count();
        }

        /** For each field, the column it is in, or -1. */
        static int[] columnsOf(String header) throws RefusedLine {
            var names = CsvValues.of(header);
            var columns = new int[FIELDS.size()];
            for (int field = 0; field < FIELDS.size(); field++) {
                columns[field] = names.indexOf(FIELDS.get(field));
            }
            for (String name : names) {
                if (!FIELDS.contains(name)) {
                    throw new RefusedLine("the header names an unknown column '" + Text.abbreviate(name)
                            + "' (columns: learnerId, itemId, action, at, reason)");
                }
            }
            if (columns[0] < 0 || columns[1] < 0 || columns[2] < 0) {
                throw new RefusedLine("the header must name the columns learnerId, itemId and action"
                        + " (and may name at and reason)");
            }
            return columns;
        }

        @Override
        public ImportLine parse(String line) throws RefusedLine {
            if (line.isBlank()) {
                return null;
            }
            var values = CsvValues.of(line);
            if (values.size() != named) {
                throw new RefusedLine(values.size() + " values where the header names " + named);
            }
            return line(value(values, 0), value(values, 1), value(values, 2), value(values, 3), value(values, 4));
        }

        private String value(List<String> values, int field) {
            int column = columns[field];
            return column < 0 || values.get(column).isEmpty() ? null : values.get(column);
        }
    }

    private static ImportLine line(String learnerId, String itemId, String action, String at, String reason)
            throws RefusedLine {
        if (learnerId == null) {
            throw new RefusedLine("learnerId is missing");
        }
        if (itemId == null) {
            throw new RefusedLine("itemId is missing");
        }
        if (action == null) {
            throw new RefusedLine("action is missing (tick, untick, start or skip)");
        }
        ItemState state = switch (action) {
            case "tick" -> ItemState.DONE;
            case "untick" -> ItemState.NOT_STARTED;
            case "start" -> ItemState.IN_PROGRESS;
            case "skip" -> ItemState.SKIPPED;
            default -> throw new RefusedLine("action '" + Text.abbreviate(action)
                    + "' is not tick, untick, start or skip");
        };
        if (reason != null && reason.isEmpty()) {
            reason = null; // as an empty CSV cell, so a table's blank reason column reads the same in both formats
        }
        if (reason != null && state != ItemState.SKIPPED) {
            throw new RefusedLine("a reason goes only with the action skip, not " + action);
        }
        var reasonProblem = SkipReason.problemIn(reason);
        if (reasonProblem.isPresent()) {
            throw new RefusedLine("reason " + reasonProblem.get());
        }
        return new ImportLine(learnerId, itemId, new StateChange(state, reason), at == null ? null : instant(at));
    }

    private static Instant instant(String at) throws RefusedLine {
        try {
            return OffsetDateTime.parse(at).toInstant();
        } catch (DateTimeParseException e) {
            throw new RefusedLine("at '" + Text.abbreviate(at)
                    + "' is not a time with an offset, such as 2026-03-01T09:30:00Z");
        }
    }
}
