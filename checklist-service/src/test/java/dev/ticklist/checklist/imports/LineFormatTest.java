package dev.ticklist.checklist.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticklist.checklist.tick.ItemState;
import dev.ticklist.checklist.tick.StateChange;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LineFormatTest {

    private static final StateChange TICK = StateChange.to(ItemState.DONE);
    private static final StateChange UNTICK = StateChange.to(ItemState.NOT_STARTED);

    private final LineFormat ndjson = LineFormat.ndjson();

    @Test
    void anNdjsonLineNamesLearnerItemActionAndPerhapsATime() throws RefusedLine {
        assertThat(ndjson.parse("{\"learnerId\":\"ada\",\"itemId\":\"regression\",\"action\":\"untick\","
                + "\"at\":\"2025-03-01T10:30:00+01:00\"}"))
                .isEqualTo(new ImportLine("ada", "regression", UNTICK, Instant.parse("2025-03-01T09:30:00Z")));
        assertThat(ndjson.parse("{\"learnerId\":\"ada\",\"itemId\":\"regression\",\"action\":\"tick\"}"))
                .isEqualTo(new ImportLine("ada", "regression", TICK, null));
        assertThat(ndjson.parse("   ")).isNull();
    }

    @Test
    void anNdjsonLineThatCannotBeReadSaysWhy() {
        assertRefused(ndjson, "[1,2]", "not a JSON object");
        assertRefused(ndjson, "{\"learnerId\":\"ada\"", "not a JSON object");
        assertRefused(ndjson, "{\"itemId\":\"regression\",\"action\":\"tick\"}", "learnerId is missing");
        assertRefused(ndjson, "{\"learnerId\":7,\"itemId\":\"regression\",\"action\":\"tick\"}",
                "learnerId must be a string");
        assertRefused(ndjson, "{\"learnerId\":\"ada\",\"itemId\":\"regression\"}",
                "action is missing (tick, untick, start or skip)");
        assertRefused(ndjson, "{\"learnerId\":\"ada\",\"itemId\":\"regression\",\"action\":\"tick\",\"at\":\"2025-03-01\"}",
                "at '2025-03-01' is not a time with an offset, such as 2026-03-01T09:30:00Z");
        assertRefused(ndjson, "{\"learnerId\":\"ada\",\"itemId\":\"x\",\"action\":\"tick\",\"who\u202e\":1}",
                "unknown field 'who?' (fields: learnerId, itemId, action, at, reason)");
    }

    @Test
    void csvReadsTheColumnsTheHeaderNamesQuotedOrNot() throws RefusedLine {
        var csv = LineFormat.csv("itemId, learnerId ,action");
        assertThat(csv.parse("regression,\"ada, the first\",tick"))
                .isEqualTo(new ImportLine("ada, the first", "regression", TICK, null));
        assertThat(csv.parse("regression,\"say \"\"hi\"\"\",untick"))
                .isEqualTo(new ImportLine("say \"hi\"", "regression", UNTICK, null));
        assertRefused(csv, "regression,ada", "2 values where the header names 3");
        assertRefused(csv, "regression,\"ada,tick", "a quote is not closed");
        assertRefused(csv, "regression,\"ada\"x,tick", "text after a closing quote");
    }

    @Test
    void aCsvHeaderMustNameTheFieldsAndNothingElse() {
        assertThatThrownBy(() -> LineFormat.csv("learnerId,itemId")).hasMessageContaining("must name the columns");
        assertThatThrownBy(() -> LineFormat.csv("learnerId,itemId,action,when"))
                .hasMessage("the header names an unknown column 'when'"
                        + " (columns: learnerId, itemId, action, at, reason)");
        assertThatThrownBy(() -> LineFormat.csv("learnerId,itemId,reason"))
                .hasMessage("the header must name the columns learnerId, itemId and action"
                        + " (and may name at and reason)");
    }

    @Test
    void aLineMayStartOrSkipAnItemAndASkipMayCarryAReason() throws RefusedLine {
        assertThat(ndjson.parse(adaRegression("start", "")))
                .isEqualTo(adaRegression(StateChange.to(ItemState.IN_PROGRESS)));
        assertThat(ndjson.parse(adaRegression("skip", ""))).isEqualTo(adaRegression(StateChange.to(ItemState.SKIPPED)));
        assertThat(ndjson.parse(adaRegression("skip", ",\"reason\":null")))
                .isEqualTo(adaRegression(StateChange.to(ItemState.SKIPPED)));
        assertThat(ndjson.parse(adaRegression("skip", ",\"reason\":\"Covered by my degree\"")))
                .isEqualTo(adaRegression(new StateChange(ItemState.SKIPPED, "Covered by my degree")));
        assertThat(ndjson.parse(adaRegression("tick", ",\"reason\":\"\"")))
                .as("an empty reason is none, as an empty CSV cell").isEqualTo(adaRegression(TICK));
    }

    @Test
    void aBadActionOrReasonRefusesTheLineSayingWhy() {
        assertRefused(ndjson, adaRegression("jump", ""), "action 'jump' is not tick, untick, start or skip");
        assertRefused(ndjson, adaRegression("Skip", ""), "action 'Skip' is not tick, untick, start or skip");
        for (String action : new String[] {"tick", "untick", "start"}) {
            assertRefused(ndjson, adaRegression(action, ",\"reason\":\"Because\""),
                    "a reason goes only with the action skip, not " + action);
        }
        assertRefused(ndjson, adaRegression("skip", ",\"reason\":\"" + "x".repeat(281) + "\""),
                "reason is 281 characters long; at most 280");
        assertRefused(ndjson, adaRegression("skip", ",\"reason\":\"  \""),
                "reason is blank: leave it out, or send null, to skip without a reason");
        assertRefused(ndjson, adaRegression("skip", ",\"reason\":\"two\\nlines\""),
                "reason holds U+000A (a control character) at character 4; remove it");
        assertRefused(ndjson, adaRegression("skip", ",\"reason\":\"cert \u202Efdp.exe\""),
                "reason holds U+202E (a bidirectional control) at character 6; remove it");
        assertRefused(ndjson, adaRegression("skip", ",\"reason\":7"), "reason must be a string");
    }

    @Test
    void csvMayNameAReasonColumnAndTodaysFilesReadAsBefore() throws RefusedLine {
        var withReason = LineFormat.csv("learnerId,itemId,action,reason");
        assertThat(withReason.parse("ada,regression,skip,\"Covered, in my degree\""))
                .isEqualTo(adaRegression(new StateChange(ItemState.SKIPPED, "Covered, in my degree")));
        assertThat(withReason.parse("ada,regression,skip,"))
                .isEqualTo(adaRegression(StateChange.to(ItemState.SKIPPED)));
        assertThat(withReason.parse("ada,regression,tick,")).isEqualTo(adaRegression(TICK));
        assertThat(withReason.parse("ada,regression,start,"))
                .isEqualTo(adaRegression(StateChange.to(ItemState.IN_PROGRESS)));
        assertRefused(withReason, "ada,regression,untick,Because",
                "a reason goes only with the action skip, not untick");
        assertRefused(withReason, "ada,regression,skip", "3 values where the header names 4");

        var today = LineFormat.csv("learnerId,itemId,action,at");
        assertThat(today.parse("ada,regression,skip,2025-03-01T09:30:00Z")).isEqualTo(new ImportLine("ada",
                "regression", StateChange.to(ItemState.SKIPPED), Instant.parse("2025-03-01T09:30:00Z")));
        assertThat(today.parse("ada,regression,tick,")).isEqualTo(adaRegression(TICK));
    }

    /** An NDJSON line for ada and the item regression, with more fields (each after a comma) if given. */
    private static String adaRegression(String action, String more) {
        return "{\"learnerId\":\"ada\",\"itemId\":\"regression\",\"action\":\"" + action + "\"" + more + "}";
    }

    private static ImportLine adaRegression(StateChange change) {
        return new ImportLine("ada", "regression", change, null);
    }

    private static void assertRefused(LineFormat format, String line, String reason) {
        assertThatThrownBy(() -> format.parse(line)).isInstanceOf(RefusedLine.class).hasMessage(reason);
    }
}
