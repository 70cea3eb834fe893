package dev.ticklist.checklist.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LineFormatTest {

    private final LineFormat ndjson = LineFormat.ndjson();

    @Test
    void anNdjsonLineNamesLearnerItemActionAndPerhapsATime() throws RefusedLine {
        assertThat(ndjson.parse("{\"learnerId\":\"ada\",\"itemId\":\"regression\",\"action\":\"untick\","
                + "\"at\":\"2025-03-01T10:30:00+01:00\"}"))
                .isEqualTo(new ImportLine("ada", "regression", false, Instant.parse("2025-03-01T09:30:00Z")));
        assertThat(ndjson.parse("{\"learnerId\":\"ada\",\"itemId\":\"regression\",\"action\":\"tick\"}"))
                .isEqualTo(new ImportLine("ada", "regression", true, null));
        assertThat(ndjson.parse("   ")).isNull();
    }

    @Test
    void anNdjsonLineThatCannotBeReadSaysWhy() {
        assertRefused(ndjson, "[1,2]", "not a JSON object");
        assertRefused(ndjson, "{\"learnerId\":\"ada\"", "not a JSON object");
        assertRefused(ndjson, "{\"itemId\":\"regression\",\"action\":\"tick\"}", "learnerId is missing");
        assertRefused(ndjson, "{\"learnerId\":7,\"itemId\":\"regression\",\"action\":\"tick\"}",
                "learnerId must be a string");
        assertRefused(ndjson, "{\"learnerId\":\"ada\",\"itemId\":\"regression\"}", "action is missing (tick or untick)");
        assertRefused(ndjson, "{\"learnerId\":\"ada\",\"itemId\":\"regression\",\"action\":\"tick\",\"at\":\"2025-03-01\"}",
                "at '2025-03-01' is not a time with an offset, such as 2026-03-01T09:30:00Z");
        assertRefused(ndjson, "{\"learnerId\":\"ada\",\"itemId\":\"x\",\"action\":\"tick\",\"who\u202e\":1}",
                "unknown field 'who?' (fields: learnerId, itemId, action, at)");
    }

    @Test
    void csvReadsTheColumnsTheHeaderNamesQuotedOrNot() throws RefusedLine {
        var csv = LineFormat.csv("itemId, learnerId ,action");
        assertThat(csv.parse("regression,\"ada, the first\",tick"))
                .isEqualTo(new ImportLine("ada, the first", "regression", true, null));
        assertThat(csv.parse("regression,\"say \"\"hi\"\"\",untick"))
                .isEqualTo(new ImportLine("say \"hi\"", "regression", false, null));
        assertRefused(csv, "regression,ada", "2 values where the header names 3");
        assertRefused(csv, "regression,\"ada,tick", "a quote is not closed");
        assertRefused(csv, "regression,\"ada\"x,tick", "text after a closing quote");
    }

    @Test
    void aCsvHeaderMustNameTheFieldsAndNothingElse() {
        assertThatThrownBy(() -> LineFormat.csv("learnerId,itemId")).hasMessageContaining("must name the columns");
        assertThatThrownBy(() -> LineFormat.csv("learnerId,itemId,action,when"))
                .hasMessageContaining("unknown column 'when'");
    }

    private static void assertRefused(LineFormat format, String line, String reason) {
        assertThatThrownBy(() -> format.parse(line)).isInstanceOf(RefusedLine.class).hasMessage(reason);
    }
}
