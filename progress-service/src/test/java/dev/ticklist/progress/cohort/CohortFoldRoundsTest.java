package dev.ticklist.progress.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.events.cohort.CohortMembersChanged;
import dev.ticklist.progress.model.MemberWeight;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CohortFoldRoundsTest {

    @Test
    void aCohortsRecordsAreSplitIntoWritesOfBoundedWeightInTheirOrderWhileSmallCohortsStayInOneWrite() {
        // 1,000 joins of learners with 40 ticked items: about 104,000 fields, over one write's bound.
        var records = new ArrayList<CohortFold.Record>();
        long offset = 0;
        for (int r = 0; r < 3; r++) {
            records.add(new CohortFold.Record(offset++, change("big", joins(1_000, 40))));
            records.add(new CohortFold.Record(offset++, change("small", joins(2, 0))));
        }

        var rounds = CohortFold.rounds(records);

        assertThat(rounds).hasSize(3);
        assertThat(rounds.get(0).get("org/small")).extracting(CohortFold.Record::offset).containsExactly(1L, 3L, 5L);
        for (int round = 0; round < 3; round++) {
            assertThat(rounds.get(round).get("org/big")).extracting(CohortFold.Record::offset)
                    .containsExactly(2L * round);
        }
        assertThat(weight(records.getFirst())).isGreaterThan(MemberWeight.PER_WRITE);
    }

    @Test
    void recordsOfOneCohortShareAWriteWhileTheirWeightFitsTheBound() {
        var records = new ArrayList<CohortFold.Record>();
        for (int r = 0; r < 25; r++) {
            records.add(new CohortFold.Record(r, change("busy", joins(1_000, 0))));
        }

        var rounds = CohortFold.rounds(records);

        // 64 fields a join: a record of 1,000 weighs 64,000, over the bound alone, so each is a write of its own.
        assertThat(rounds).hasSize(25);
        assertThat(rounds).allSatisfy(round -> assertThat(round.get("org/busy")).hasSize(1));
        // 7 fields an item's change: 4 records of 1,000 ticks (28,000) share a write, the 5th starts the next.
        var ticks = new ArrayList<CohortFold.Record>();
        for (int r = 0; r < 25; r++) {
            ticks.add(new CohortFold.Record(r, change("busy", ticks(1_000))));
        }
        var tickRounds = CohortFold.rounds(ticks);
        assertThat(tickRounds).hasSize(7);
        assertThat(tickRounds.getFirst().get("org/busy")).extracting(CohortFold.Record::offset)
                .containsExactly(0L, 1L, 2L, 3L);
    }

    private static int weight(CohortFold.Record record) {
        return MemberWeight.of(record.change());
    }

    private static CohortMembersChanged change(String cohort, List<CohortMembersChanged.Member> members) {
        return new CohortMembersChanged("org", cohort, "1", members);
    }

    private static List<CohortMembersChanged.Member> joins(int learners, int ticked) {
        var items = new ArrayList<String>();
        for (int i = 0; i < ticked; i++) {
            items.add("item-" + i);
        }
        var members = new ArrayList<CohortMembersChanged.Member>();
        for (int l = 0; l < learners; l++) {
            members.add(new CohortMembersChanged.Member("learner-" + l, "checklist", 1, 1, CohortMembersChanged.MEMBER,
                    true, items, List.of(), Map.of(), Map.of(), Instant.EPOCH, "0-1"));
        }
        return members;
    }

    private static List<CohortMembersChanged.Member> ticks(int learners) {
        var members = new ArrayList<CohortMembersChanged.Member>();
        for (int l = 0; l < learners; l++) {
            members.add(new CohortMembersChanged.Member("learner-" + l, "checklist", 1, 2, CohortMembersChanged.MEMBER,
                    false, List.of("item-1"), List.of(), Map.of(), Map.of(), Instant.EPOCH, "0-2"));
        }
        return members;
    }
}
