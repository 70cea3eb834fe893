package dev.ticklist.gateway.sharelink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.events.access.ShareLinkCreated;
import dev.ticklist.gateway.GatewayClient.Response;
import dev.ticklist.gateway.GatewayIT;
import dev.ticklist.gateway.Sha256;
import dev.ticklist.platform.identity.IdentityTokens;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ShareLinkIT extends GatewayIT {

    @Autowired
    private IdentityTokens identityTokens;

    @Autowired
    private ShareLinkStore store;

    @Test
    void aCohortLinkOpensASessionThatReadsThatCohortAndNothingElse() {
        var acme = acmeWithCohort();
        var created = createLink(acme, "{\"cohortId\":\"coh_a\",\"label\":\"For the coaches\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String token = created.json().get("token").asString();
        assertThat(token).startsWith("tl_");
        assertThat(created.json().get("path").asString()).isEqualTo("/dashboard/#/link/" + token);
        assertThat(created.headers().firstValue("Location").orElseThrow())
                .isEqualTo("/api/v1/share-links/" + created.json().get("id").asString());
        assertThat(created.body()).doesNotContain(Sha256.hex(token));

        var opened = open(token);
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.json().get("link").get("cohortId").asString()).isEqualTo("coh_a");
        assertThat(opened.json().get("link").get("learnerId").isNull()).isTrue();
        String cookie = opened.cookie();
        PROGRESS.reset();

        for (String path : List.of("/api/v1/progress/cohorts/coh_a", "/api/v1/progress/cohorts/coh_a/learners/bea",
                "/api/v1/progress/cohorts/coh_a/table.csv")) {
            assertThat(gateway.get(path, "Cookie", cookie).status()).as(path).isEqualTo(200);
        }
        var identity = identityTokens.decoder("progress-service").decode(PROGRESS.received("/api/v1/progress/cohorts/coh_a")
                .getFirst().bearerToken());
        assertThat(identity.getClaimAsString(IdentityTokens.ORGANISATION_CLAIM)).isEqualTo(acme.id());
        assertThat(identity.getClaimAsString("scope")).isEqualTo("read");
        assertThat(identity.getAudience()).containsExactly("progress-service");

        int routed = receivedUpstream().size();
        for (String path : List.of("/api/v1/cohorts", "/api/v1/progress/cohorts/coh_b", "/api/v1/progress/learners/ada",
                "/api/v1/checklists", "/api/v1/keys", "/api/v1/share-links", "/api/v1/webhooks/endpoints")) {
            var refused = gateway.get(path, "Cookie", cookie);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.problemType()).isEqualTo("urn:ticklist:problem:forbidden");
            assertThat(refused.json().get("detail").asString()).contains("opens cohort coh_a and nothing else");
        }
        assertThat(gateway.post("/api/v1/cohorts/coh_a/learners/ada/ticks", "{\"itemIds\":[\"x\"]}", "Cookie", cookie)
                .status()).isEqualTo(403);
        assertThat(receivedUpstream()).hasSize(routed);
    }

    @Test
    void aLearnersOwnLinkTicksTheirItemsFromTheDashboardAndReachesNothingElse() {
        var acme = acmeWithCohort();
        String token = createLink(acme, "{\"cohortId\":\"coh_a\",\"learnerId\":\"ada\",\"access\":\"tick\"}")
                .json().get("token").asString();
        String cookie = open(token).cookie();
        CHECKLIST.reset();

        var tick = gateway.post("/api/v1/cohorts/coh_a/learners/ada/ticks", "{\"itemIds\":[\"regression\"]}",
                "Cookie", cookie, "Sec-Fetch-Site", "same-origin");
        var untick = gateway.send("DELETE", "/api/v1/cohorts/coh_a/learners/ada/ticks/regression", null,
                "Cookie", cookie);
        var read = gateway.get("/api/v1/progress/cohorts/coh_a/learners/ada", "Cookie", cookie);

        assertThat(List.of(tick.status(), untick.status(), read.status())).containsOnly(200);
        var identity = identityTokens.decoder("checklist-service").decode(CHECKLIST.received("/api/v1/cohorts/coh_a/learners/ada/ticks")
                .getFirst().bearerToken());
        assertThat(identity.getClaimAsString("scope")).isEqualTo("read write");
        int routed = receivedUpstream().size();
        assertThat(gateway.post("/api/v1/cohorts/coh_a/learners/bea/ticks", "{\"itemIds\":[\"x\"]}", "Cookie", cookie)
                .status()).isEqualTo(403);
        assertThat(gateway.post("/api/v1/cohorts/coh_a/learners", "{\"learnerIds\":[\"eve\"]}", "Cookie", cookie)
                .status()).isEqualTo(403);
        assertThat(gateway.get("/api/v1/progress/cohorts/coh_a", "Cookie", cookie).status()).isEqualTo(403);
        assertThat(gateway.get("/api/v1/progress/cohorts/coh_a/learners/bea", "Cookie", cookie).status())
                .isEqualTo(403);
        var crossSite = gateway.post("/api/v1/cohorts/coh_a/learners/ada/ticks", "{\"itemIds\":[\"x\"]}",
                "Cookie", cookie, "Sec-Fetch-Site", "cross-site");
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(receivedUpstream()).hasSize(routed);
    }

    @Test
    void revokingALinkEndsItsSessionsAtOnceAndTheListNeverShowsATokenOrHash() {
        var acme = acmeWithCohort();
        var created = createLink(acme, "{\"cohortId\":\"coh_a\",\"learnerId\":\"bea\"}");
        String token = created.json().get("token").asString();
        String cookie = open(token).cookie();
        assertThat(gateway.get("/api/v1/progress/cohorts/coh_a/learners/bea", "Cookie", cookie).status())
                .isEqualTo(200);

        var listed = gateway.get("/api/v1/share-links", "Authorization", "Bearer " + acme.apiKey());
        assertThat(listed.json().get("links")).singleElement().satisfies(link -> {
            assertThat(link.get("learnerId").asString()).isEqualTo("bea");
            assertThat(link.get("access").asString()).isEqualTo("read");
            assertThat(link.get("expired").asBoolean()).isFalse();
        });
        assertThat(listed.body()).doesNotContain(token).doesNotContain(Sha256.hex(token));

        var revoked = gateway.send("DELETE", "/api/v1/share-links/" + created.json().get("id").asString(), null,
                "Authorization", "Bearer " + acme.apiKey());

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(gateway.get("/api/v1/progress/cohorts/coh_a/learners/bea", "Cookie", cookie).status())
                .isEqualTo(401);
        assertThat(open(token).status()).isEqualTo(401);
        assertThat(gateway.get("/api/v1/share-links", "Authorization", "Bearer " + acme.apiKey()).json().get("links"))
                .isEmpty();
        assertThat(gateway.send("DELETE", "/api/v1/share-links/link_nope", null,
                "Authorization", "Bearer " + acme.apiKey()).status()).isEqualTo(404);
    }

    @Test
    void anExpiredLinkOpensNothing() {
        var acme = acmeWithCohort();
        String token = ShareLinks.TOKEN.generate();
        store.save(new ShareLinkCreated(acme.id(), "link_old", Sha256.hex(token), "coh_a", null, "read",
                Instant.now().minusSeconds(1), null), Instant.now().minusSeconds(60)).block();

        var opened = open(token);

        assertThat(opened.status()).isEqualTo(401);
        assertThat(opened.json().get("detail").asString()).contains("expired or was revoked");
        assertThat(opened.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void aRequestThatBreaksARuleGetsItsReasonAndMakesNoLink() {
        var acme = acmeWithCohort();
        CHECKLIST.answerGet("/api/v1/cohorts/coh_missing", 404, "{}");
        CHECKLIST.answerGet("/api/v1/cohorts/coh_missing/learners", 404, "{}");
        var tooLate = Instant.now().plusSeconds(400L * 24 * 3600);
        var cases = List.of(
                List.of("{}", "400", "cohortId"),
                List.of("{\"cohortId\":\"coh_a\",\"access\":\"tick\"}", "400", "learner's own"),
                List.of("{\"cohortId\":\"coh_a\",\"access\":\"write\"}", "400", "read or tick"),
                List.of("{\"cohortId\":\"coh_a\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}", "400", "future"),
                List.of("{\"cohortId\":\"coh_a\",\"expiresAt\":\"" + tooLate + "\"}", "400", "365 days"),
                List.of("{\"cohortId\":\"coh_a\",\"expiresAt\":\"tomorrow\"}", "400", "a time like"),
                List.of("{\"cohortId\":\"coh_a\",\"label\":\"a\\u0000b\"}", "400", "control characters"),
                List.of("{\"cohortId\":\"bad id\"}", "400", "cohortId"),
                List.of("{\"cohortId\":\"coh_missing\"}", "404", "no cohort coh_missing"),
                List.of("{\"cohortId\":\"coh_missing\",\"learnerId\":\"ada\"}", "404", "no cohort coh_missing"),
                List.of("{\"cohortId\":\"coh_a\",\"learnerId\":\"zed\"}", "404", "not enrolled"));
        for (var attempt : cases) {
            var refused = createLink(acme, attempt.get(0));
            assertThat(refused.status()).as(attempt.get(0)).isEqualTo(Integer.parseInt(attempt.get(1)));
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asString()).as(attempt.get(0)).contains(attempt.get(2));
        }
        String readKey = keyWithScopes(acme.id(), "read", "write");
        assertThat(gateway.post("/api/v1/share-links", "{\"cohortId\":\"coh_a\"}", "Authorization", "Bearer " + readKey)
                .status()).isEqualTo(403);
        assertThat(store.list(acme.id()).collectList().block()).isEmpty();
    }

    private Organisation acmeWithCohort() {
        var acme = createOrganisation("Acme Academy");
        CHECKLIST.answerGet("/api/v1/cohorts/coh_a/learners", 200,
                "{\"cohortId\":\"coh_a\",\"learnerIds\":[\"ada\",\"bea\"]}");
        return acme;
    }

    private Response createLink(Organisation organisation, String json) {
        return gateway.post("/api/v1/share-links", json, "Authorization", "Bearer " + organisation.apiKey());
    }

    private Response open(String token) {
        return gateway.post("/dashboard/session", "{\"link\":\"" + token + "\"}");
    }
}
