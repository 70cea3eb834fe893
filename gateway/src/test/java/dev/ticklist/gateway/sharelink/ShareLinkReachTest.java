package dev.ticklist.gateway.sharelink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class ShareLinkReachTest {

    static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

    final ShareLink cohortLink = link(null, ShareLink.Access.READ);
    final ShareLink learnerLink = link("ada", ShareLink.Access.READ);
    final ShareLink ownLink = link("ada", ShareLink.Access.TICK);

    @Test
    void aCohortLinkReadsTheCohortItsProgressRankingTableCalendarBurnUpPaceStreamAndItsLearnersInIt() {
        for (String path : new String[] {"/api/v1/cohorts/coh_a", "/api/v1/progress/cohorts/coh_a",
                "/api/v1/progress/cohorts/coh_a/learners", "/api/v1/progress/cohorts/coh_a/table.csv",
                "/api/v1/progress/cohorts/coh_a/ticks-per-day", "/api/v1/progress/cohorts/coh_a/burn-up",
                "/api/v1/progress/cohorts/coh_a/stream", "/api/v1/progress/cohorts/coh_a/learners/bea",
                "/api/v1/progress/cohorts/coh_a/pace", "/api/v1/progress/cohorts/coh_a/learners/bea/pace"}) {
            assertThat(cohortLink.reaches(HttpMethod.GET, path)).as(path).isTrue();
        }
    }

    @Test
    void aCohortLinkReachesNoOtherCohortNoLearnerAcrossCohortsAndChangesNothing() {
        for (String path : new String[] {"/api/v1/cohorts", "/api/v1/cohorts/coh_b", "/api/v1/cohorts/coh_a/learners",
                "/api/v1/progress/cohorts/coh_b", "/api/v1/progress/cohorts/coh_ab", "/api/v1/progress/learners/ada",
                "/api/v1/progress/learners/ada/timeline", "/api/v1/checklists", "/api/v1/keys", "/api/v1/share-links",
                "/api/v1/webhooks/endpoints", "/api/v1/progress/cohorts/coh_a/learners/ada/timeline",
                "/api/v1/progress/cohorts/coh_a/learners/", "/api/v1/progress/cohorts/coh_a/other",
                "/api/v1/progress/cohorts/coh_a/learners/bea/other",
                "/api/v1/cohorts/coh_a/learners/ada/checklist", "/api/v1/progress/cohorts/coh_a/"}) {
            assertThat(cohortLink.reaches(HttpMethod.GET, path)).as(path).isFalse();
        }
        assertThat(cohortLink.reaches(HttpMethod.POST, "/api/v1/cohorts/coh_a/learners/ada/ticks")).isFalse();
        assertThat(cohortLink.reaches(HttpMethod.HEAD, "/api/v1/cohorts/coh_a")).isFalse();
    }

    @Test
    void aLearnerLinkReadsThatLearnersProgressAndPaceInTheCohortOnly() {
        assertThat(learnerLink.reaches(HttpMethod.GET, "/api/v1/cohorts/coh_a")).isTrue();
        assertThat(learnerLink.reaches(HttpMethod.GET, "/api/v1/progress/cohorts/coh_a/learners/ada")).isTrue();
        assertThat(learnerLink.reaches(HttpMethod.GET, "/api/v1/progress/cohorts/coh_a/learners/ada/pace")).isTrue();
        for (String path : new String[] {"/api/v1/progress/cohorts/coh_a", "/api/v1/progress/cohorts/coh_a/learners",
                "/api/v1/progress/cohorts/coh_a/pace", "/api/v1/progress/cohorts/coh_a/learners/bea/pace",
                "/api/v1/progress/cohorts/coh_a/learners/bea", "/api/v1/progress/cohorts/coh_a/stream",
                "/api/v1/progress/cohorts/coh_a/table.csv", "/api/v1/progress/learners/ada",
                "/api/v1/progress/cohorts/coh_b/learners/ada"}) {
            assertThat(learnerLink.reaches(HttpMethod.GET, path)).as(path).isFalse();
        }
        assertThat(learnerLink.reaches(HttpMethod.POST, "/api/v1/cohorts/coh_a/learners/ada/ticks")).isFalse();
    }

    @Test
    void aLearnersOwnLinkTicksAndUnticksTheirItemsInTheCohortAndNothingElse() {
        assertThat(ownLink.reaches(HttpMethod.POST, "/api/v1/cohorts/coh_a/learners/ada/ticks")).isTrue();
        assertThat(ownLink.reaches(HttpMethod.DELETE, "/api/v1/cohorts/coh_a/learners/ada/ticks/regression")).isTrue();
        assertThat(ownLink.reaches(HttpMethod.POST, "/api/v1/cohorts/coh_a/learners/bea/ticks")).isFalse();
        assertThat(ownLink.reaches(HttpMethod.POST, "/api/v1/cohorts/coh_b/learners/ada/ticks")).isFalse();
        assertThat(ownLink.reaches(HttpMethod.POST, "/api/v1/cohorts/coh_a/learners/ada/ticks/markdown")).isFalse();
        assertThat(ownLink.reaches(HttpMethod.DELETE, "/api/v1/cohorts/coh_a/learners/ada/ticks/")).isFalse();
        assertThat(ownLink.reaches(HttpMethod.DELETE, "/api/v1/cohorts/coh_a/learners/ada")).isFalse();
        assertThat(ownLink.reaches(HttpMethod.POST, "/api/v1/cohorts/coh_a/learners")).isFalse();
        assertThat(ownLink.reaches(HttpMethod.PUT, "/api/v1/cohorts/coh_a/imports/x")).isFalse();
        assertThat(ownLink.reaches(HttpMethod.PATCH, "/api/v1/cohorts/coh_a")).isFalse();
    }

    @Test
    void aLearnersOwnLinkAttachesAndTakesAwayEvidenceOnTheirItemsAndNothingElse() {
        String evidence = "/api/v1/cohorts/coh_a/learners/ada/ticks/regression/evidence";
        assertThat(ownLink.reaches(HttpMethod.PUT, evidence)).isTrue();
        assertThat(ownLink.reaches(HttpMethod.DELETE, evidence)).isTrue();
        assertThat(ownLink.reaches(HttpMethod.POST, evidence)).isFalse();
        assertThat(ownLink.reaches(HttpMethod.PATCH, evidence)).isFalse();
        assertThat(ownLink.reaches(HttpMethod.PUT, "/api/v1/cohorts/coh_a/learners/bea/ticks/regression/evidence"))
                .isFalse();
        assertThat(ownLink.reaches(HttpMethod.PUT, "/api/v1/cohorts/coh_b/learners/ada/ticks/regression/evidence"))
                .isFalse();
        assertThat(ownLink.reaches(HttpMethod.PUT, "/api/v1/cohorts/coh_a/learners/ada/ticks//evidence")).isFalse();
        assertThat(ownLink.reaches(HttpMethod.PUT, evidence + "/")).isFalse();
        assertThat(ownLink.reaches(HttpMethod.PUT, evidence + "/x")).isFalse();
        assertThat(ownLink.reaches(HttpMethod.PUT, "/api/v1/cohorts/coh_a/learners/ada/ticks/regression")).isFalse();
        assertThat(ownLink.reaches(HttpMethod.PUT, "/api/v1/cohorts/coh_a/learners/ada/ticks/regression/notes"))
                .isFalse();
        assertThat(ownLink.reaches(HttpMethod.PUT, "/api/v1/cohorts/coh_a/learners/ada/ticks/regression;x=1/evidence"))
                .isFalse();
        assertThat(learnerLink.reaches(HttpMethod.PUT, evidence)).as("a read link").isFalse();
        assertThat(learnerLink.reaches(HttpMethod.DELETE, evidence)).as("a read link").isFalse();
        assertThat(cohortLink.reaches(HttpMethod.PUT, evidence)).as("a cohort's link").isFalse();
    }

    @Test
    void aLearnersOwnLinkSetsTheStatesOfTheirItemsAndNothingElse() {
        String state = "/api/v1/cohorts/coh_a/learners/ada/ticks/regression/state";
        assertThat(ownLink.reaches(HttpMethod.PUT, state)).isTrue();
        assertThat(ownLink.reaches(HttpMethod.DELETE, state)).isFalse();
        assertThat(ownLink.reaches(HttpMethod.POST, state)).isFalse();
        assertThat(ownLink.reaches(HttpMethod.PATCH, state)).isFalse();
        assertThat(ownLink.reaches(HttpMethod.PUT, "/api/v1/cohorts/coh_a/learners/bea/ticks/regression/state"))
                .isFalse();
        assertThat(ownLink.reaches(HttpMethod.PUT, "/api/v1/cohorts/coh_b/learners/ada/ticks/regression/state"))
                .isFalse();
        assertThat(ownLink.reaches(HttpMethod.PUT, "/api/v1/cohorts/coh_a/learners/ada/ticks//state")).isFalse();
        assertThat(ownLink.reaches(HttpMethod.PUT, state + "/")).isFalse();
        assertThat(ownLink.reaches(HttpMethod.PUT, state + "/x")).isFalse();
        assertThat(ownLink.reaches(HttpMethod.PUT, "/api/v1/cohorts/coh_a/learners/ada/ticks/regression/states"))
                .isFalse();
        assertThat(ownLink.reaches(HttpMethod.PUT, "/api/v1/cohorts/coh_a/learners/ada/ticks/regression;x=1/state"))
                .isFalse();
        assertThat(ownLink.reaches(HttpMethod.PUT, "/api/v1/cohorts/coh_a/learners/ada/ticks/state")).isFalse();
        assertThat(learnerLink.reaches(HttpMethod.PUT, state)).as("a read link").isFalse();
        assertThat(cohortLink.reaches(HttpMethod.PUT, state)).as("a cohort's link").isFalse();
    }

    @Test
    void segmentsAreComparedDecodedAsTheServicesReadThem() {
        var email = new ShareLink("org_a", "link_1", "0".repeat(64), "coh_a", "ada@example.org", ShareLink.Access.TICK,
                LATER, null, Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(email.reaches(HttpMethod.GET, "/api/v1/progress/cohorts/coh_a/learners/ada%40example.org")).isTrue();
        assertThat(email.reaches(HttpMethod.POST, "/api/v1/cohorts/coh_a/learners/ada%40example.org/ticks")).isTrue();
        assertThat(email.reaches(HttpMethod.GET, "/api/v1/progress/cohorts/coh_a/learners/ada%40example.org/"))
                .isFalse();
        assertThat(cohortLink.reaches(HttpMethod.GET, "/api/v1/progress/cohorts/coh%5Fb")).isFalse();
        assertThat(cohortLink.reaches(HttpMethod.GET, "/api/v1/progress/cohorts/coh%5Fa")).isTrue();
    }

    @Test
    void aLinkExpiresAtItsTime() {
        assertThat(cohortLink.expired(LATER.minusSeconds(1))).isFalse();
        assertThat(cohortLink.expired(LATER)).isTrue();
    }

    private static ShareLink link(String learnerId, ShareLink.Access access) {
        return new ShareLink("org_a", "link_1", "0".repeat(64), "coh_a", learnerId, access, LATER, null,
                Instant.parse("2026-12-01T00:00:00Z"));
    }
}
