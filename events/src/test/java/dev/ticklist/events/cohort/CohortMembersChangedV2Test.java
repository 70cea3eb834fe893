package dev.ticklist.events.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.events.Superseded;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cohort records are written in version 2 while they can be: replicas before item states read them. */
class CohortMembersChangedV2Test {

    private static final Instant AT = Instant.parse("2026-11-23T10:15:31Z");

    @Test
    void aChangeOfTicksOnlyIsSaidInVersion2AndReadBackAsItWas() {
        var change = new CohortMembersChanged("org_acme", "coh_1", "1", List.of(new CohortMembersChanged.Member(
                "ada", "machine-learning", 1, 7, CohortMembersChanged.MEMBER, false, List.of("regression"),
                List.of("clustering"), Map.of("2026-11-23", 1), Map.of("entry", AT), AT, "0-3")));

        var old = CohortMembersChangedV2.of(change);

        assertThat(old).isPresent();
        assertThat(Superseded.current(old.get())).isEqualTo(change);
    }

    @Test
    void aChangeWithAnItemStartedOrSkippedNeedsVersion3() {
        var started = new CohortMembersChanged("org_acme", "coh_1", "1", List.of(new CohortMembersChanged.Member(
                "ada", "machine-learning", 1, 7, CohortMembersChanged.MEMBER, false, List.of(), List.of(),
                List.of("spark"), List.of(), Map.of(), Map.of(), AT, "0-3")));
        var skipped = new CohortMembersChanged("org_acme", "coh_1", "1", List.of(new CohortMembersChanged.Member(
                "ada", "machine-learning", 1, 7, CohortMembersChanged.MEMBER, false, List.of(), List.of(),
                List.of(), List.of("spark"), Map.of(), Map.of(), AT, "0-3")));

        assertThat(CohortMembersChangedV2.of(started)).isEmpty();
        assertThat(CohortMembersChangedV2.of(skipped)).isEmpty();
    }
}
