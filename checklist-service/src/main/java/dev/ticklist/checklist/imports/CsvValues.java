package dev.ticklist.checklist.imports;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectReader;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The values of one CSV line of an import (RFC 4180: comma-separated, each optionally in double
 * quotes, a quote inside doubled), read by Jackson's CSV parser. Each value is stripped of the
 * white space around it, quoted or not; a quote opens a quoted value only as its first character,
 * and only spaces or tabs may follow the closing one. The import reads its body a line at a time
 * (to report refusals by line number), so a value cannot span lines, and a carriage return alone
 * inside a line, a line break to CSV, is refused.
 */
final class CsvValues {

    /** Without a schema's columns, each row is read as an array of strings. */
    private static final ObjectReader CSV = new CsvMapper().reader(CsvSchema.emptySchema());

    private CsvValues() {
    }

    static List<String> of(String line) throws RefusedLine {
        var values = new ArrayList<String>();
        try (JsonParser row = CSV.createParser(line)) {
            row.nextToken(); // the row's START_ARRAY
            for (JsonToken token = row.nextToken(); token == JsonToken.VALUE_STRING; token = row.nextToken()) {
                values.add(row.getString().strip());
            }
            if (row.nextToken() != null) {
                // Only a lone carriage return can start a second row within one line.
                throw new RefusedLine("a carriage return inside the line");
            }
        } catch (JacksonException e) {
            // Ours say what is wrong in the caller's terms, as every other refusal does.
            String message = String.valueOf(e.getOriginalMessage());
            if (message.startsWith("Missing closing quote")) {
                throw new RefusedLine("a quote is not closed");
            }
            if (message.contains("Expected column separator")) {
                throw new RefusedLine("text after a closing quote");
            }
            throw new RefusedLine("not a CSV line");
        }
        return values;
    }
}
