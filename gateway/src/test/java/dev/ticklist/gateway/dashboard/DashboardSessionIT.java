package dev.ticklist.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.gateway.GatewayClient.Response;
import dev.ticklist.gateway.GatewayIT;
import dev.ticklist.platform.identity.IdentityTokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

class DashboardSessionIT extends GatewayIT {

    @Autowired
    private IdentityTokens identityTokens;

    @Autowired
    private ReactiveStringRedisTemplate redis;

    @Test
    void signingInWithAKeyGivesAnHttpOnlyStrictCookieThatReadsAsThatKeysOrganisationWithTheReadScopeOnly() {
        var acme = createOrganisation("Acme Academy");

        var signIn = signIn(acme.apiKey());

        assertThat(signIn.status()).as(signIn.body()).isEqualTo(200);
        String setCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith(SessionCookie.NAME + "=ds_").containsIgnoringCase("HttpOnly")
                .contains("SameSite=Strict", "Path=/")
                .doesNotContain("Max-Age", "Expires", "Secure");
        assertThat(signIn.json().get("signedIn").asBoolean()).isTrue();
        assertThat(signIn.json().get("organisationId").asString()).isEqualTo(acme.id());
        assertThat(signIn.json().get("keyPrefix").asString()).isEqualTo(acme.apiKey().substring(0, 8));
        assertThat(signIn.body()).doesNotContain(acme.apiKey()).doesNotContain(signIn.cookie());

        var read = gateway.get("/api/v1/cohorts", "Cookie", signIn.cookie());

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        var identity = identityTokens.decoder("checklist-service").decode(CHECKLIST.received("/api/v1/cohorts").getFirst().bearerToken());
        assertThat(identity.getClaimAsString(IdentityTokens.ORGANISATION_CLAIM)).isEqualTo(acme.id());
        assertThat(identity.getClaimAsString("scope")).isEqualTo("read");
        assertThat(CHECKLIST.received("/api/v1/cohorts").getFirst().headers().toString())
                .doesNotContain(signIn.cookie().substring(SessionCookie.NAME.length() + 1));
    }

    @Test
    void aSessionNeverChangesAnythingEvenWhenItsKeyMay() {
        var acme = createOrganisation("Acme Academy");
        String cookie = signIn(acme.apiKey()).cookie();

        var write = gateway.post("/api/v1/cohorts", "{\"name\":\"x\",\"checklistId\":\"machine-learning\"}",
                "Cookie", cookie);
        var keys = gateway.get("/api/v1/keys", "Cookie", cookie);

        assertThat(write.status()).isEqualTo(403);
        assertThat(write.problemType()).isEqualTo("urn:ticklist:problem:forbidden");
        assertThat(keys.status()).isEqualTo(403);
        assertThat(receivedUpstream()).isEmpty();
    }

    @Test
    void aKeySentWithTheRequestDecidesOverTheCookie() {
        var acme = createOrganisation("Acme Academy");
        var globex = createOrganisation("Globex Institute");
        String acmeCookie = signIn(acme.apiKey()).cookie();

        var response = gateway.get("/api/v1/cohorts", "Cookie", acmeCookie,
                "Authorization", "Bearer " + globex.apiKey());

        assertThat(response.status()).isEqualTo(200);
        var identity = identityTokens.decoder("checklist-service").decode(CHECKLIST.received("/api/v1/cohorts").getFirst().bearerToken());
        assertThat(identity.getClaimAsString(IdentityTokens.ORGANISATION_CLAIM)).isEqualTo(globex.id());
    }

    @Test
    void revokingTheKeyEndsItsSessionsAtOnce() {
        var acme = createOrganisation("Acme Academy");
        String readKey = keyWithScopes(acme.id(), "read");
        String cookie = signIn(readKey).cookie();
        assertThat(gateway.get("/api/v1/cohorts", "Cookie", cookie).status()).isEqualTo(200);
        String keyId = gateway.get("/api/v1/keys", "Authorization", "Bearer " + acme.apiKey()).json().get("keys")
                .valueStream().filter(key -> readKey.startsWith(key.get("prefix").asString()))
                .findFirst().orElseThrow().get("id").asString();

        assertThat(gateway.send("DELETE", "/api/v1/keys/" + keyId, null, "Authorization", "Bearer " + acme.apiKey())
                .status()).isEqualTo(204);

        var after = gateway.get("/api/v1/cohorts", "Cookie", cookie);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.problemType()).isEqualTo("urn:ticklist:problem:unauthenticated");
        assertThat(gateway.get("/dashboard/session", "Cookie", cookie).json().get("signedIn").asBoolean()).isFalse();
    }

    @Test
    void signingOutEndsTheSessionOnTheServerAndClearsTheCookie() {
        var acme = createOrganisation("Acme Academy");
        String cookie = signIn(acme.apiKey()).cookie();

        var signOut = gateway.send("DELETE", "/dashboard/session", null, "Cookie", cookie);

        assertThat(signOut.status()).isEqualTo(204);
        assertThat(signOut.headers().firstValue("Set-Cookie").orElseThrow())
                .startsWith(SessionCookie.NAME + "=;").contains("Max-Age=0");
        assertThat(gateway.get("/api/v1/cohorts", "Cookie", cookie).status()).isEqualTo(401);
        assertThat(receivedUpstream()).isEmpty();
    }

    @Test
    void signingInAgainClosesTheSessionTheBrowserHad() {
        var acme = createOrganisation("Acme Academy");
        String first = signIn(acme.apiKey()).cookie();

        String second = signIn(acme.apiKey(), "Cookie", first).cookie();

        assertThat(second).isNotEqualTo(first);
        assertThat(gateway.get("/api/v1/cohorts", "Cookie", first).status()).isEqualTo(401);
        assertThat(gateway.get("/api/v1/cohorts", "Cookie", second).status()).isEqualTo(200);
    }

    @Test
    void aKeyHoldsAtMostTheConfiguredNumberOfSessionsAndOpeningOneMoreClosesTheOldest() {
        var acme = createOrganisation("Acme Academy");
        var cookies = new java.util.ArrayList<String>();
        for (int i = 0; i < 4; i++) {
            cookies.add(signIn(acme.apiKey()).cookie());
        }

        assertThat(gateway.get("/api/v1/cohorts", "Cookie", cookies.getFirst()).status()).isEqualTo(401);
        for (String cookie : cookies.subList(1, 4)) {
            assertThat(gateway.get("/api/v1/cohorts", "Cookie", cookie).status()).isEqualTo(200);
        }
    }

    @Test
    void redisKeepsTheSessionUnderTheHashOfItsTokenWithAnExpiryAndNeverTheKey() {
        var acme = createOrganisation("Acme Academy");
        String token = signIn(acme.apiKey()).cookie().substring(SessionCookie.NAME.length() + 1);

        var stored = redis.keys(DashboardSessions.KEY_PREFIX + "*").collectList().block();
        assertThat(stored).isNotEmpty().noneMatch(key -> key.contains(token));
        String storedKey = DashboardSessions.KEY_PREFIX + dev.ticklist.gateway.Sha256.hex(token);
        assertThat(stored).contains(storedKey);
        assertThat(redis.opsForValue().get(storedKey).block()).doesNotContain(acme.apiKey()).contains(acme.id());
        Duration ttl = redis.getExpire(storedKey).block();
        assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofHours(8));
    }

    @Test
    void aKeyThatDoesNotWorkIsRefusedWithASentenceAndOpensNothing() {
        var acme = createOrganisation("Acme Academy");

        for (String body : new String[] {"{\"key\":\"tk_nope\"}", "{}", "{\"key\":\"" + acme.apiKey() + "x\"}", "[]"}) {
            var refused = gateway.post("/dashboard/session", body);
            assertThat(refused.status()).as(body).isIn(400, 401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
        }
        var unknown = gateway.post("/dashboard/session", "{\"key\":\"tk_nope\"}");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().get("detail").asString()).contains("not a working API key");
        assertThat(gateway.get("/dashboard/session").json().get("signedIn").asBoolean()).isFalse();
    }

    @Test
    void anotherSitesPageCannotSignABrowserIn() {
        var acme = createOrganisation("Acme Academy");

        var crossSite = gateway.post("/dashboard/session", "{\"key\":\"" + acme.apiKey() + "\"}",
                "Sec-Fetch-Site", "cross-site");

        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(crossSite.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(signIn(acme.apiKey(), "Sec-Fetch-Site", "same-origin").status()).isEqualTo(200);
    }

    @Test
    void theCookieIsSecureWhenTheRequestCameOverHttps() {
        var acme = createOrganisation("Acme Academy");

        var signIn = signIn(acme.apiKey(), "X-Forwarded-Proto", "https");

        assertThat(signIn.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure");
    }

    @Test
    void thePagesAndTheirChartLibraryAreServedWithAPolicyThatRunsOnlyTheirOwnScripts() {
        var page = gateway.get("/dashboard/");
        var script = gateway.get("/dashboard/app.js");
        var charts = gateway.get("/webjars/uplot/dist/uPlot.esm.js");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<script type=\"module\" src=\"/dashboard/app.js\">");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'");
        assertThat(script.status()).isEqualTo(200);
        assertThat(charts.status()).isEqualTo(200);
        assertThat(gateway.get("/dashboard").status()).isEqualTo(308);
    }

    private Response signIn(String key, String... headers) {
        return gateway.post("/dashboard/session", "{\"key\":\"" + key + "\"}", headers);
    }
}
