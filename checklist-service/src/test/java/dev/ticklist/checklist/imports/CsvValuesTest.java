package dev.ticklist.checklist.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvValuesTest {

    @Test
    void valuesAreStrippedQuotedOrNotAndMayBeEmpty() throws RefusedLine {
        assertThat(CsvValues.of(" ada ,\" the first \",,\"\"")).containsExactly("ada", "the first", "", "");
        assertThat(CsvValues.of("\"say \"\"hi\"\"\",\"a,b\"\t ,x")).containsExactly("say \"hi\"", "a,b", "x");
        assertThat(CsvValues.of("a,")).containsExactly("a", "");
    }

    @Test
    void aQuoteIsAQuoteOnlyAsAValuesFirstCharacter() throws RefusedLine {
        assertThat(CsvValues.of("a\"b,c")).containsExactly("a\"b", "c");
        assertThat(CsvValues.of(" \"a,b\"")).containsExactly("\"a", "b\"");
    }

    @Test
    void aLineThatIsNotCsvIsRefusedSayingWhy() {
        assertThatThrownBy(() -> CsvValues.of("a,\"b")).isInstanceOf(RefusedLine.class)
                .hasMessage("a quote is not closed");
        assertThatThrownBy(() -> CsvValues.of("\"a\" \"b\",c")).isInstanceOf(RefusedLine.class)
                .hasMessage("text after a closing quote");
        assertThatThrownBy(() -> CsvValues.of("ada,regression\rtick")).isInstanceOf(RefusedLine.class)
                .hasMessage("a carriage return inside the line");
    }
}
