package dev.ticklist.progress.model;

import static dev.ticklist.progress.model.MemberChange.JOINED;
import static dev.ticklist.progress.model.MemberChange.LEFT;
import static dev.ticklist.progress.model.MemberChange.MOVED;
import static dev.ticklist.progress.model.MemberChange.TICKED;
import static dev.ticklist.progress.model.MemberChange.UNTICKED;
import static dev.ticklist.progress.model.Checklists.TEA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.events.cohort.CohortMembersChanged;
import dev.ticklist.events.cohort.CohortMembersChanged.Member;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One learner's changes in one cohort during a flush, netted into one member of the record. */
class MemberNetTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T10:00:00Z");

    private final MemberNet net = new MemberNet();
    private long offset = 40;

    @Test
    void aTickThenAnUntickOfOneItemLeavesItsFinalStateAndTheTickIsStillCounted() {
        add(TICKED, "fill");
        Member member = add(UNTICKED, "fill");

        assertThat(member.reset()).isFalse();
        assertThat(member.ticked()).isEmpty();
        // Said, not netted away: a cohort replaying other flush boundaries may hold it ticked.
        assertThat(member.unticked()).containsExactly("fill");
        assertThat(member.ticksPerDay()).isEqualTo(Map.of("2026-03-02", 1));
    }

    @Test
    void anUntickThenATickOfOneItemLeavesItTicked() {
        add(UNTICKED, "fill");
        Member member = add(TICKED, "fill");

        assertThat(member.ticked()).containsExactly("fill");
        assertThat(member.unticked()).isEmpty();
        assertThat(member.standing()).isEqualTo(CohortMembersChanged.MEMBER);
    }

    @Test
    void eachItemEndsInTheOneListOfItsLastState() {
        add(TICKED, "fill");
        add(MemberChange.SKIPPED, "fill");
        add(MemberChange.STARTED, "boil");
        Member member = add(MemberChange.SKIPPED, "pour");

        assertThat(member.ticked()).isEmpty();
        assertThat(member.skipped()).containsExactly("fill", "pour");
        assertThat(member.started()).containsExactly("boil");
        assertThat(member.unticked()).isEmpty();
        assertThat(member.ticksPerDay()).as("the tick still counts on its day").isEqualTo(Map.of("2026-03-02", 1));
    }

    @Test
    void aJoinThenASkipAndAnUntickKeepsTheResetWithoutTheItem() {
        add(JOINED, Set.of("fill"));
        add(MemberChange.SKIPPED, "boil");
        Member member = add(UNTICKED, "boil");

        assertThat(member.reset()).isTrue();
        assertThat(member.ticked()).containsExactly("fill");
        assertThat(member.skipped()).isEmpty();
        assertThat(member.unticked()).as("a reset lists only what is not 'not started'").isEmpty();
    }

    @Test
    void ticksAndUnticksOfDifferentItemsAreKept() {
        add(TICKED, "fill");
        Member member = add(UNTICKED, "pour");

        assertThat(member.ticked()).containsExactly("fill");
        assertThat(member.unticked()).containsExactly("pour");
    }

    @Test
    void aJoinThenTicksIsOneResetWithTheWholeSet() {
        add(JOINED, Set.of("fill"));
        add(TICKED, "boil");
        add(TICKED, "pour");
        Member member = add(UNTICKED, "fill");

        // After a reset the set is the truth: an untick takes the item out, nothing more.
        assertThat(member.reset()).isTrue();
        assertThat(member.ticked()).containsExactlyInAnyOrder("boil", "pour");
        assertThat(member.unticked()).isEmpty();
        assertThat(member.ticksPerDay()).isEqualTo(Map.of("2026-03-02", 2));
    }

    @Test
    void aMoveReplacesWhatCameBefore() {
        add(TICKED, "fill");
        add(UNTICKED, "boil");
        Member member = add(MOVED, Set.of("pour", "stir"), 2);

        assertThat(member.reset()).isTrue();
        assertThat(member.checklistVersion()).isEqualTo(2);
        assertThat(member.ticked()).containsExactlyInAnyOrder("pour", "stir");
        assertThat(member.unticked()).isEmpty();
    }

    @Test
    void leavingWipesTheDeltas() {
        add(TICKED, "fill");
        add(UNTICKED, "boil");
        Member member = add(LEFT, (String) null);

        assertThat(member.standing()).isEqualTo(CohortMembersChanged.LEFT);
        assertThat(member.reset()).isFalse();
        assertThat(member.ticked()).isEmpty();
        assertThat(member.unticked()).isEmpty();
    }

    @Test
    void leavingThenJoiningAgainIsAReset() {
        add(LEFT, (String) null);
        Member member = add(JOINED, Set.of("fill"));

        assertThat(member.standing()).isEqualTo(CohortMembersChanged.MEMBER);
        assertThat(member.reset()).isTrue();
        assertThat(member.ticked()).containsExactly("fill");
    }

    @Test
    void theMemberCarriesTheLastChangesSequenceTimeAndPosition() {
        add(TICKED, "fill");
        Member member = add(TICKED, "boil");

        assertThat(member.learnerId()).isEqualTo("ada");
        assertThat(member.sequence()).isEqualTo(offset * 2 + 1);
        assertThat(member.occurredAt()).isEqualTo(MONDAY.plusSeconds(offset));
        assertThat(member.position()).isEqualTo("3-" + offset);
    }

    private Member add(String kind, String item) {
        return add(kind, item, null, 1);
    }

    private Member add(String kind, Set<String> standing) {
        return add(kind, null, standing, 1);
    }

    private Member add(String kind, Set<String> standing, int version) {
        return add(kind, null, standing, version);
    }

    private Member add(String kind, String item, Set<String> standing, int version) {
        offset++;
        net.add(new MemberChange("north", kind, TEA, version, item,
                standing == null ? null : new MemberChange.Standing(standing, Set.of(), Set.of()), item == null ? null : "entry", Map.of(),
                offset * 2 + 1, MONDAY.plusSeconds(offset), "3-" + offset));
        return net.toMember("ada");
    }
}
