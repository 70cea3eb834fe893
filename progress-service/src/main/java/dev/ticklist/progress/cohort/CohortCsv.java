package dev.ticklist.progress.cohort;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * The cohort table as CSV, written by Jackson's CSV generator: RFC 4180 rows ending in CRLF, a
 * cell quoted only when it holds a comma, a quote or a line break (a quote inside doubled). A
 * cell that a spreadsheet would take for a formula (starting with {@code = + - @}, a tab or a
 * carriage return) gets a leading apostrophe first. Each row is handed to the writer as it is
 * written; flushing the writer is the caller's.
 */
final class CohortCsv {

    private static final ObjectWriter ROWS = CsvMapper.builder()
            // Quote only what must be quoted, not every cell with a space.
            .enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
            .build()
            .writer(CsvSchema.emptySchema().withLineSeparator("\r\n"));

    private final SequenceWriter rows;

    CohortCsv(Writer out) throws IOException {
        try {
            this.rows = ROWS.writeValues(out);
        } catch (JacksonException e) {
            throw new IOException(e);
        }
    }

    void writeRow(List<String> cells) throws IOException {
        try {
            rows.write(cells.stream().map(CohortCsv::defused).toList());
            rows.flush();
        } catch (JacksonException e) {
            throw new IOException(e);
        }
    }

    /** The cell, with an apostrophe before it if a spreadsheet would read it as a formula. */
    static String defused(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
