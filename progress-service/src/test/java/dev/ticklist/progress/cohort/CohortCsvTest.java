package dev.ticklist.progress.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CohortCsvTest {

    @Test
    void rowsEndInCrlfAndOnlyCellsWithACommaQuoteOrLineBreakAreQuoted() throws IOException {
        assertThat(csv(List.of("learner", "overall %", "Entry level %"), List.of("ada", "100.0", ""),
                List.of("a,b", "say \"hi\"", "two\nlines", "cr\rhere")))
                .isEqualTo("learner,overall %,Entry level %\r\n"
                        + "ada,100.0,\r\n"
                        + "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n");
    }

    @Test
    void aCellASpreadsheetWouldTakeForAFormulaGetsAnApostrophe() throws IOException {
        assertThat(csv(List.of("=1+1", "+3", "-2", "@SUM(A1)", "\tx", "\rx", "a=b", "=HYPERLINK(\"x\",1)")))
                .isEqualTo("'=1+1,'+3,'-2,'@SUM(A1),'\tx,\"'\rx\",a=b,\"'=HYPERLINK(\"\"x\"\",1)\"\r\n");
    }

    @SafeVarargs
    private static String csv(List<String>... rows) throws IOException {
        var out = new StringWriter();
        var csv = new CohortCsv(out);
        for (List<String> row : rows) {
            csv.writeRow(row);
        }
        return out.toString();
    }
}
