package dev.ticklist.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.ticklist.platform.identity.IdentityKeys;
import dev.ticklist.testsupport.http.JsonHttp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gateway issue point 6: attacks on the public door, as a table. Each row says how the request is
 * sent (with whose credentials, through the gateway or straight to a service, method, path,
 * headers, body) and how it must be refused (status and problem type, plus any further check).
 * {@code EndToEndIT.AttacksThroughTheGateway} runs every row against the one real stack, then checks
 * that none of them changed anything of organisation A and that B holds nothing of A's.
 *
 * <p>Paths and bodies are templates: {@code {cohort}}, {@code {endpoint}}, {@code {item}},
 * {@code {readKeyId}}, {@code {orgA}} and {@code {hooks}} are A's, made once by {@link World#setUp};
 * {@code {padding}} fills a body to the size the row asks for.
 */
final class Attacks {

    /** The gateway's and the services' body limit: 1 MiB ({@code TICKLIST_GATEWAY_MAX_REQUEST_BODY}). */
    static final int BODY_LIMIT = 1024 * 1024;

    private static final String UNAUTHENTICATED = "unauthenticated";
    private static final String FORBIDDEN = "forbidden";
    private static final String NOT_FOUND = "not-found";
    private static final String REJECTED = "rejected-request";
    private static final String TOO_LARGE = "body-too-large";

    private static final String COHORT = "/api/v1/cohorts/{cohort}";
    private static final String TICKS = COHORT + "/learners/ada/ticks";
    private static final String TICK_BODY = "{\"itemIds\":[\"{otherItem}\"]}";
    private static final String EVIDENCE_BODY = "{\"url\":\"https://example.org/forged\",\"note\":\"not mine\"}";
    private static final String SKIP_BODY = "{\"state\":\"skipped\",\"reason\":\"not mine to skip\"}";
    private static final String ENDPOINT = "/api/v1/webhooks/endpoints/{endpoint}";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Attacks() {
    }

    /** Whose credentials a request carries. */
    enum As {
        NOBODY,
        MALFORMED_KEY,
        UNKNOWN_KEY,
        /** A's admin key with its last character changed. */
        WRONG_KEY,
        REVOKED_KEY,
        REVOKED_KEY_AS_X_API_KEY,
        /** A's admin key, sent as {@code Authorization: Basic}. */
        BASIC_CREDENTIALS,
        /** A's admin key as the bearer and B's as {@code X-Api-Key}. */
        TWO_KEYS,
        /** The platform operator's admin key where an organisation's key belongs. */
        PLATFORM_ADMIN_KEY,
        A_ADMIN_KEY,
        A_READ_KEY,
        B_KEY,
        /** B's key as {@code X-Api-Key} and, as the bearer, an identity token for A signed with a guessed secret. */
        B_KEY_AND_FORGED_TOKEN,
        // For the services' own ports, where only the gateway's identity token counts:
        GARBAGE_TOKEN,
        /** A's real API key, handed to a service as if it were a token. */
        A_API_KEY_AS_TOKEN,
        /** HS256 with org A, every scope (platform included) and every service, signed with a secret that is not the gateway's. */
        FORGED_TOKEN,
        /** The same claims with {@code "alg": "none"} and no signature. */
        UNSIGNED_TOKEN,
        /** Signed with the gateway's real key, but expired ten minutes ago. */
        EXPIRED_TOKEN,
        /** Signed with the gateway's real key, valid, but issued by someone other than the gateway. */
        FOREIGN_ISSUER_TOKEN,
        /** Signed with the gateway's real key, valid, but addressed to a service that does not exist. */
        OTHER_AUDIENCE_TOKEN,
        /** HS256 "signed" with the gateway's public key, which every service holds: the algorithm-confusion attack. */
        PUBLIC_KEY_AS_SECRET_TOKEN
    }

    /** Where a request goes: through the gateway, or straight to a service's own port. */
    enum Door {
        GATEWAY, CHECKLIST_SERVICE, PROGRESS_SERVICE, NOTIFICATION_SERVICE
    }

    /** A check beyond status and problem type. */
    @FunctionalInterface
    interface Check {
        void verify(World world, Case attack, Answer answer);
    }

    /** One request, as a template. {@code oversize} > 0 pads the body to that many bytes; {@code chunked} sends it without a length. */
    record Request(Door door, String method, String path, Map<String, String> headers, String body, int oversize,
                   boolean chunked) {

        Request header(String name, String value) {
            var more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Request(door, method, path, more, body, oversize, chunked);
        }

        Request direct(Door service) {
            return new Request(service, method, path, headers, body, oversize, chunked);
        }

        Request paddedTo(int bytes) {
            return new Request(door, method, path, headers, body, bytes, chunked);
        }

        Request withoutLength() {
            return new Request(door, method, path, headers, body, oversize, true);
        }
    }

    /** A row of the table. */
    record Case(String name, As as, Request request, int status, String problem, List<Check> checks) {

        Case refused(int expectedStatus, String expectedProblem) {
            return new Case(name, as, request, expectedStatus, expectedProblem, checks);
        }

        /** Answered, but with the caller's own (empty) view: the sealed answer of a read-model service. */
        Case answeredEmpty(Check... emptiness) {
            return new Case(name, as, request, 200, null, checks).and(emptiness);
        }

        Case and(Check... more) {
            var all = new ArrayList<>(checks);
            all.addAll(List.of(more));
            return new Case(name, as, request, status, problem, all);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** What came back. */
    record Answer(int status, HttpHeaders headers, String body) {

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
        }
    }

    static Request get(String path) {
        return new Request(Door.GATEWAY, "GET", path, Map.of(), null, 0, false);
    }

    static Request post(String path, String body) {
        return new Request(Door.GATEWAY, "POST", path, Map.of(), body, 0, false);
    }

    static Request patch(String path, String body) {
        return new Request(Door.GATEWAY, "PATCH", path, Map.of(), body, 0, false);
    }

    static Request put(String path, String body) {
        return new Request(Door.GATEWAY, "PUT", path, Map.of(), body, 0, false);
    }

    static Request delete(String path) {
        return new Request(Door.GATEWAY, "DELETE", path, Map.of(), null, 0, false);
    }

    static Case attack(String name, As as, Request request) {
        return new Case(name, as, request, 0, null, List.of());
    }

    /** The table. */
    static List<Case> table() {
        var rows = new ArrayList<Case>();

        // Who is calling: every unusable key gets the one 401, byte for byte that of an unknown key.
        rows.add(attack("no key", As.NOBODY, get(COHORT))
                .refused(401, UNAUTHENTICATED).and(sameAnswerAsAnUnknownKey()));
        rows.add(attack("a malformed key", As.MALFORMED_KEY, get(COHORT))
                .refused(401, UNAUTHENTICATED).and(sameAnswerAsAnUnknownKey()));
        rows.add(attack("an unknown well-formed key", As.UNKNOWN_KEY, get(COHORT))
                .refused(401, UNAUTHENTICATED));
        rows.add(attack("a wrong key (A's admin key, one character changed)", As.WRONG_KEY, get(COHORT))
                .refused(401, UNAUTHENTICATED).and(sameAnswerAsAnUnknownKey()));
        rows.add(attack("a revoked key", As.REVOKED_KEY, get(COHORT))
                .refused(401, UNAUTHENTICATED).and(sameAnswerAsAnUnknownKey()));
        rows.add(attack("a revoked key as X-Api-Key", As.REVOKED_KEY_AS_X_API_KEY, get(COHORT))
                .refused(401, UNAUTHENTICATED).and(sameAnswerAsAnUnknownKey()));
        rows.add(attack("a revoked read-write key ticking", As.REVOKED_KEY, post(TICKS, TICK_BODY))
                .refused(401, UNAUTHENTICATED).and(sameAnswerAsAnUnknownKey()));
        rows.add(attack("A's key as Basic credentials", As.BASIC_CREDENTIALS, get(COHORT))
                .refused(401, UNAUTHENTICATED).and(sameAnswerAsAnUnknownKey()));
        rows.add(attack("two different keys at once (A's and B's)", As.TWO_KEYS, get(COHORT))
                .refused(401, UNAUTHENTICATED).and(sameAnswerAsAnUnknownKey()));
        rows.add(attack("the platform admin key as an API key", As.PLATFORM_ADMIN_KEY, get(COHORT))
                .refused(401, UNAUTHENTICATED).and(sameAnswerAsAnUnknownKey()));
        rows.add(attack("no key, forged identity headers", As.NOBODY, get(COHORT)
                .header("X-Ticklist-Organisation", "{orgA}").header("X-Ticklist-Scopes", "admin read write"))
                .refused(401, UNAUTHENTICATED).and(sameAnswerAsAnUnknownKey()));
        rows.add(attack("no key, issuing itself an admin key", As.NOBODY, post("/api/v1/keys", "{\"scopes\":[\"admin\"]}"))
                .refused(401, UNAUTHENTICATED).and(sameAnswerAsAnUnknownKey()));
        rows.add(attack("no key, reading A's webhook endpoint", As.NOBODY, get(ENDPOINT))
                .refused(401, UNAUTHENTICATED).and(sameAnswerAsAnUnknownKey()));
        rows.add(attack("A's API key on the platform admin API", As.A_ADMIN_KEY,
                post("/admin/v1/organisations", "{\"name\":\"Made by A\"}")).refused(401, UNAUTHENTICATED));

        // Another organisation: B's (all-scopes) key on A's cohort, learner, progress and webhooks.
        rows.add(attack("B reads A's cohort", As.B_KEY, get(COHORT)).refused(404, NOT_FOUND));
        rows.add(attack("B lists A's cohort's learners", As.B_KEY, get(COHORT + "/learners")).refused(404, NOT_FOUND));
        rows.add(attack("B reads A's learner's checklist", As.B_KEY, get(COHORT + "/learners/ada/checklist"))
                .refused(404, NOT_FOUND));
        rows.add(attack("B reads A's learner's progress", As.B_KEY, get("/api/v1/progress/learners/ada"))
                .answeredEmpty(jsonIs("/checklists", "[]")));
        rows.add(attack("B reads A's learner's timeline", As.B_KEY, get("/api/v1/progress/learners/ada/timeline"))
                .answeredEmpty(jsonIs("/total", "0"), jsonIs("/entries", "[]")));
        rows.add(attack("B reads A's learner's ticks per day", As.B_KEY, get("/api/v1/progress/learners/ada/ticks-per-day"))
                .answeredEmpty(noTicksPerDay()));
        rows.add(attack("B reads A's cohort's progress", As.B_KEY, get("/api/v1/progress/cohorts/{cohort}"))
                .answeredEmpty(jsonIs("/overall/learners", "0"), jsonIs("/levels", "[]")));
        rows.add(attack("B reads A's cohort's ranking", As.B_KEY, get("/api/v1/progress/cohorts/{cohort}/learners"))
                .answeredEmpty(jsonIs("/total", "0"), jsonIs("/learners", "[]")));
        rows.add(attack("B reads A's cohort's table", As.B_KEY, get("/api/v1/progress/cohorts/{cohort}/table.csv"))
                .answeredEmpty(onlyTheHeaderRow()));
        rows.add(attack("B reads A's cohort's ticks per day", As.B_KEY, get("/api/v1/progress/cohorts/{cohort}/ticks-per-day"))
                .answeredEmpty(noTicksPerDay()));
        rows.add(attack("B reads A's webhook endpoint", As.B_KEY, get(ENDPOINT)).refused(404, NOT_FOUND));
        rows.add(attack("B reads A's webhook messages", As.B_KEY, get(ENDPOINT + "/messages")).refused(404, NOT_FOUND));
        rows.add(attack("B lists webhook endpoints", As.B_KEY, get("/api/v1/webhooks/endpoints"))
                .answeredEmpty(jsonIs("/endpoints", "[]")));
        rows.add(attack("B ticks A's learner in A's cohort", As.B_KEY, post(TICKS, TICK_BODY)).refused(404, NOT_FOUND));
        rows.add(attack("B unticks A's learner's tick", As.B_KEY, delete(TICKS + "/{item}")).refused(404, NOT_FOUND));
        rows.add(attack("B ticks A's learner by Markdown", As.B_KEY, post(TICKS + "/markdown", "- [x] Regression\n")
                .header("Content-Type", "text/markdown")).refused(404, NOT_FOUND));
        rows.add(attack("B gives evidence for A's learner's tick", As.B_KEY, put(TICKS + "/{item}/evidence", EVIDENCE_BODY))
                .refused(404, NOT_FOUND));
        rows.add(attack("B takes A's learner's evidence away", As.B_KEY, delete(TICKS + "/{item}/evidence"))
                .refused(404, NOT_FOUND));
        rows.add(attack("B skips an item for A's learner", As.B_KEY, put(TICKS + "/{item}/state", SKIP_BODY))
                .refused(404, NOT_FOUND));
        rows.add(attack("B reads A's learner's pace", As.B_KEY, get("/api/v1/progress/cohorts/{cohort}/learners/ada/pace"))
                .answeredEmpty(jsonIs("/levels", "[]"), jsonIs("/itemsPerWeek", "0.0")));
        rows.add(attack("B reads A's cohort's pace", As.B_KEY, get("/api/v1/progress/cohorts/{cohort}/pace"))
                .answeredEmpty(jsonIs("/levels", "[]"), jsonIs("/itemsPerWeek", "0.0")));
        rows.add(attack("B reads A's cohort as of a moment", As.B_KEY,
                get("/api/v1/progress/cohorts/{cohort}?asOf=2026-12-01T00:00:00Z"))
                .answeredEmpty(jsonIs("/overall/learners", "0"), jsonIs("/levels", "[]")));
        rows.add(attack("B reads A's learner as of a moment", As.B_KEY,
                get("/api/v1/progress/cohorts/{cohort}/learners/ada?asOf=2026-12-01T00:00:00Z"))
                .answeredEmpty(jsonIs("/checklists", "[]")));
        rows.add(attack("B enrols a learner in A's cohort", As.B_KEY,
                post(COHORT + "/learners", "{\"learnerIds\":[\"mallory\"]}")).refused(404, NOT_FOUND));
        rows.add(attack("B withdraws A's learner", As.B_KEY, delete(COHORT + "/learners/ada")).refused(404, NOT_FOUND));
        rows.add(attack("B renames A's cohort", As.B_KEY, patch(COHORT, "{\"name\":\"Owned\"}")).refused(404, NOT_FOUND));
        rows.add(attack("B archives A's cohort", As.B_KEY, post(COHORT + "/archive", null)).refused(404, NOT_FOUND));
        rows.add(attack("B moves A's cohort to another checklist", As.B_KEY,
                put(COHORT + "/checklist", "{\"checklistId\":\"data-science\"}")).refused(404, NOT_FOUND));
        rows.add(attack("B redirects A's webhook endpoint", As.B_KEY,
                patch(ENDPOINT, "{\"url\":\"http://127.0.0.1:9/stolen\"}")).refused(404, NOT_FOUND));
        rows.add(attack("B disables A's webhook endpoint", As.B_KEY, patch(ENDPOINT, "{\"enabled\":false}"))
                .refused(404, NOT_FOUND));
        rows.add(attack("B rotates A's webhook secret", As.B_KEY, post(ENDPOINT + "/secret/rotate", null))
                .refused(404, NOT_FOUND));
        rows.add(attack("B sends a test message to A's endpoint", As.B_KEY, post(ENDPOINT + "/messages/test", null))
                .refused(404, NOT_FOUND));
        rows.add(attack("B deletes A's webhook endpoint", As.B_KEY, delete(ENDPOINT)).refused(404, NOT_FOUND));
        rows.add(attack("B revokes A's read key", As.B_KEY, delete("/api/v1/keys/{readKeyId}")).refused(404, NOT_FOUND));

        // B's key with forged identity headers: the gateway drops them, B still sees only B.
        rows.add(attack("B's key, forged X-Ticklist-Organisation, reading A's cohort", As.B_KEY, forged(get(COHORT)))
                .refused(404, NOT_FOUND));
        rows.add(attack("B's key, forged identity headers, listing cohorts", As.B_KEY, forged(get("/api/v1/cohorts")))
                .answeredEmpty(jsonIs("", "[]")));
        rows.add(attack("B's key, forged identity headers, reading A's learner's progress", As.B_KEY,
                forged(get("/api/v1/progress/learners/ada"))).answeredEmpty(jsonIs("/checklists", "[]")));
        rows.add(attack("B's key, forged identity headers, listing webhook endpoints", As.B_KEY,
                forged(get("/api/v1/webhooks/endpoints"))).answeredEmpty(jsonIs("/endpoints", "[]")));
        rows.add(attack("B's key, forged identity headers, ticking A's learner", As.B_KEY, forged(post(TICKS, TICK_BODY)))
                .refused(404, NOT_FOUND));
        rows.add(attack("B's key with an identity token for A as the bearer", As.B_KEY_AND_FORGED_TOKEN, get(COHORT))
                .refused(401, UNAUTHENTICATED).and(sameAnswerAsAnUnknownKey()));

        // Around the gateway: each service on its own port trusts only the gateway's signed token.
        var directReads = Map.of(
                Door.CHECKLIST_SERVICE, get(COHORT),
                Door.PROGRESS_SERVICE, get("/api/v1/progress/learners/ada"),
                Door.NOTIFICATION_SERVICE, get(ENDPOINT));
        for (Door service : List.of(Door.CHECKLIST_SERVICE, Door.PROGRESS_SERVICE, Door.NOTIFICATION_SERVICE)) {
            Request read = directReads.get(service).direct(service);
            String on = " on " + service.name().toLowerCase().replace('_', '-') + " directly";
            rows.add(attack("no token" + on, As.NOBODY, read).refused(401, UNAUTHENTICATED));
            rows.add(attack("no token, forged identity headers" + on, As.NOBODY, forged(read)).refused(401, UNAUTHENTICATED));
            rows.add(attack("a garbage bearer token" + on, As.GARBAGE_TOKEN, read).refused(401, UNAUTHENTICATED));
            rows.add(attack("A's API key as the bearer" + on, As.A_API_KEY_AS_TOKEN, read).refused(401, UNAUTHENTICATED));
            rows.add(attack("a self-made token for A (another secret)" + on, As.FORGED_TOKEN, read)
                    .refused(401, UNAUTHENTICATED));
            rows.add(attack("an unsigned token for A (alg none)" + on, As.UNSIGNED_TOKEN, read)
                    .refused(401, UNAUTHENTICATED));
            rows.add(attack("an expired gateway token for A" + on, As.EXPIRED_TOKEN, read).refused(401, UNAUTHENTICATED));
            rows.add(attack("a token for A from another issuer" + on, As.FOREIGN_ISSUER_TOKEN, read)
                    .refused(401, UNAUTHENTICATED));
            rows.add(attack("a gateway token for A addressed to another service" + on, As.OTHER_AUDIENCE_TOKEN, read)
                    .refused(401, UNAUTHENTICATED));
            rows.add(attack("a token for A signed HS256 with the gateway's public key" + on,
                    As.PUBLIC_KEY_AS_SECRET_TOKEN, read).refused(401, UNAUTHENTICATED));
        }
        rows.add(attack("a self-made platform token creating an organisation on checklist-service directly",
                As.FORGED_TOKEN, post("/internal/organisations", "{\"organisationId\":\"org_forged\",\"name\":\"Forged\"}")
                        .direct(Door.CHECKLIST_SERVICE)).refused(401, UNAUTHENTICATED));
        rows.add(attack("a self-made token ticking A's learner on checklist-service directly", As.FORGED_TOKEN,
                post(TICKS, TICK_BODY).direct(Door.CHECKLIST_SERVICE)).refused(401, UNAUTHENTICATED));
        rows.add(attack("a self-made token creating a webhook endpoint on notification-service directly",
                As.FORGED_TOKEN, post("/api/v1/webhooks/endpoints", "{\"url\":\"{hooks}\"}")
                        .direct(Door.NOTIFICATION_SERVICE)).refused(401, UNAUTHENTICATED));

        // Oversized bodies: 413 before anything is forwarded, so nothing is created.
        rows.add(attack("a cohort body of 1 MiB + 1 byte", As.A_ADMIN_KEY,
                post("/api/v1/cohorts", "{\"name\":\"{padding}\",\"checklistId\":\"machine-learning\"}")
                        .paddedTo(BODY_LIMIT + 1)).refused(413, TOO_LARGE).and(connectionClosed()));
        rows.add(attack("a chunked cohort body of 1 MiB + 1 byte", As.A_ADMIN_KEY,
                post("/api/v1/cohorts", "{\"name\":\"{padding}\",\"checklistId\":\"machine-learning\"}")
                        .paddedTo(BODY_LIMIT + 1).withoutLength()).refused(413, TOO_LARGE).and(connectionClosed()));
        rows.add(attack("an enrolment body of 1 MiB + 1 byte", As.A_ADMIN_KEY,
                post(COHORT + "/learners", "{\"learnerIds\":[\"mallory\",\"{padding}\"]}").paddedTo(BODY_LIMIT + 1))
                .refused(413, TOO_LARGE));
        rows.add(attack("a webhook endpoint body of 1 MiB + 1 byte", As.A_ADMIN_KEY,
                post("/api/v1/webhooks/endpoints", "{\"url\":\"{hooks}\",\"description\":\"{padding}\"}")
                        .paddedTo(BODY_LIMIT + 1)).refused(413, TOO_LARGE));
        rows.add(attack("a key request body of 1 MiB + 1 byte", As.A_ADMIN_KEY,
                post("/api/v1/keys", "{\"scopes\":[\"read\"],\"x\":\"{padding}\"}").paddedTo(BODY_LIMIT + 1))
                .refused(413, TOO_LARGE));
        rows.add(attack("an admin API body of 1 MiB + 1 byte", As.PLATFORM_ADMIN_KEY,
                post("/admin/v1/organisations", "{\"name\":\"{padding}\"}").paddedTo(BODY_LIMIT + 1))
                .refused(413, TOO_LARGE));

        // Path tricks, with A's valid admin key: refused by the firewall or not routed, never /internal.
        String internal = "{\"organisationId\":\"org_tricked\",\"name\":\"Tricked\"}";
        rows.add(attack("dot-dot to /internal", As.A_ADMIN_KEY, get("/api/v1/../internal/organisations"))
                .refused(400, REJECTED));
        rows.add(attack("dot-dot POST to /internal", As.A_ADMIN_KEY, post("/api/v1/../internal/organisations", internal))
                .refused(400, REJECTED));
        rows.add(attack("encoded dots to /internal", As.A_ADMIN_KEY,
                post("/api/v1/cohorts/%2e%2e/%2e%2e/%2e%2e/internal/organisations", internal)).refused(400, REJECTED));
        rows.add(attack("encoded dots, upper case", As.A_ADMIN_KEY, get("/api/v1/%2E%2E/%2E%2E/internal/organisations"))
                .refused(400, REJECTED));
        rows.add(attack("encoded slashes to /internal", As.A_ADMIN_KEY,
                post("/api/v1/cohorts%2F..%2F..%2F..%2Finternal%2Forganisations", internal)).refused(400, REJECTED));
        rows.add(attack("encoded slashes, lower case", As.A_ADMIN_KEY, get("/api/v1/cohorts%2f{cohort}"))
                .refused(400, REJECTED));
        rows.add(attack("double-encoded dots", As.A_ADMIN_KEY, get("/api/v1/%252e%252e/internal/organisations"))
                .refused(400, REJECTED));
        rows.add(attack("encoded backslashes", As.A_ADMIN_KEY, get("/api/v1/cohorts/..%5C..%5Cinternal%5Corganisations"))
                .refused(400, REJECTED));
        rows.add(attack("a double slash", As.A_ADMIN_KEY, get("/api/v1//cohorts")).refused(400, REJECTED));
        rows.add(attack("a path parameter dot-dot (..;)", As.A_ADMIN_KEY, get("/api/v1/..;/internal/organisations"))
                .refused(400, REJECTED));
        rows.add(attack("dot-dot from progress into checklist-service", As.A_ADMIN_KEY,
                get("/api/v1/progress/../cohorts/{cohort}")).refused(400, REJECTED));
        rows.add(attack("dot-dot to a service's actuator", As.A_ADMIN_KEY, get("/api/v1/../actuator/env"))
                .refused(400, REJECTED));
        rows.add(attack("/internal through the gateway", As.A_ADMIN_KEY, post("/internal/organisations", internal))
                .refused(404, NOT_FOUND));
        rows.add(attack("the gateway's actuator beyond probes and metrics", As.A_ADMIN_KEY, get("/actuator/env"))
                .refused(404, NOT_FOUND));

        // A's read-scoped key writing: 403 from the gateway, nothing forwarded.
        rows.add(attack("read key ticks", As.A_READ_KEY, post(TICKS, TICK_BODY)).refused(403, FORBIDDEN));
        rows.add(attack("read key unticks", As.A_READ_KEY, delete(TICKS + "/{item}")).refused(403, FORBIDDEN));
        rows.add(attack("read key gives evidence", As.A_READ_KEY, put(TICKS + "/{item}/evidence", EVIDENCE_BODY))
                .refused(403, FORBIDDEN));
        rows.add(attack("read key skips an item", As.A_READ_KEY, put(TICKS + "/{item}/state", SKIP_BODY))
                .refused(403, FORBIDDEN));
        rows.add(attack("read key enrols", As.A_READ_KEY, post(COHORT + "/learners", "{\"learnerIds\":[\"mallory\"]}"))
                .refused(403, FORBIDDEN));
        rows.add(attack("read key renames the cohort", As.A_READ_KEY, patch(COHORT, "{\"name\":\"Renamed\"}"))
                .refused(403, FORBIDDEN));
        rows.add(attack("read key creates a cohort", As.A_READ_KEY,
                post("/api/v1/cohorts", "{\"name\":\"Sneaky\",\"checklistId\":\"machine-learning\"}")).refused(403, FORBIDDEN));
        rows.add(attack("read key creates a webhook endpoint", As.A_READ_KEY,
                post("/api/v1/webhooks/endpoints", "{\"url\":\"{hooks}\"}")).refused(403, FORBIDDEN));
        rows.add(attack("read key lists webhook endpoints", As.A_READ_KEY, get("/api/v1/webhooks/endpoints"))
                .refused(403, FORBIDDEN));
        rows.add(attack("read key sends a test webhook", As.A_READ_KEY, post(ENDPOINT + "/messages/test", null))
                .refused(403, FORBIDDEN));
        rows.add(attack("read key issues itself an admin key", As.A_READ_KEY, post("/api/v1/keys", "{\"scopes\":[\"admin\"]}"))
                .refused(403, FORBIDDEN));
        rows.add(attack("read key lists keys", As.A_READ_KEY, get("/api/v1/keys")).refused(403, FORBIDDEN));
        rows.add(attack("read key revokes itself", As.A_READ_KEY, delete("/api/v1/keys/{readKeyId}"))
                .refused(403, FORBIDDEN));
        return rows;
    }

    private static Request forged(Request request) {
        return request.header("X-Ticklist-Organisation", "{orgA}")
                .header("X-Ticklist-Scopes", "platform admin read write")
                .header("x-ticklist-org", "{orgA}")
                .header("X-Forwarded-For", "127.0.0.1");
    }

    // ---- checks ----

    /** The answer an unknown, well-formed key gets on the same request: same status, headers that matter, bytes. */
    static Check sameAnswerAsAnUnknownKey() {
        return (world, attack, answer) -> {
            Answer unknown = world.send(attack.request(), As.UNKNOWN_KEY);
            assertThat(answer.status()).as("status").isEqualTo(unknown.status());
            assertThat(answer.body()).as("body, byte for byte").isEqualTo(unknown.body());
            assertThat(answer.contentType()).isEqualTo(unknown.contentType());
            assertThat(answer.headers().firstValue("WWW-Authenticate"))
                    .isEqualTo(unknown.headers().firstValue("WWW-Authenticate"));
        };
    }

    static Check jsonIs(String pointer, String expectedJson) {
        return (world, attack, answer) ->
                assertThat(answer.json().at(pointer)).as(pointer).isEqualTo(JSON.readTree(expectedJson));
    }

    static Check noTicksPerDay() {
        return (world, attack, answer) -> answer.json().get("days").forEach(day ->
                assertThat(day.get("ticks").asLong()).as(day.toString()).isZero());
    }

    static Check onlyTheHeaderRow() {
        return (world, attack, answer) -> assertThat(answer.body().strip().lines()).containsExactly("learner,overall %,items done,items not skipped");
    }

    static Check connectionClosed() {
        return (world, attack, answer) -> assertThat(answer.headers().firstValue("Connection"))
                .hasValueSatisfying(value -> assertThat(value).isEqualToIgnoringCase("close"));
    }

    // ---- the world the attacks run in ----

    /** Organisations A and B, A's cohort, learner, tick, webhook endpoint and keys: made once. */
    static final class World implements AutoCloseable {

        private final StackSettings settings;
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private final HttpServer receiver;
        private final List<String> delivered = new CopyOnWriteArrayList<>();
        private final Map<String, String> values = new LinkedHashMap<>();
        private final List<String> neverShown = new ArrayList<>();
        private final String unknownKey = "tk_" + StackSettings.randomText(32);
        private String aAdminKey;
        private String aReadKey;
        private String revokedKey;
        private String bKey;

        private World(StackSettings settings) throws IOException {
            this.settings = settings;
            receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            receiver.createContext("/hooks", exchange -> {
                delivered.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            receiver.start();
        }

        static World setUp(StackSettings settings) throws IOException {
            var world = new World(settings);
            try {
                world.build();
                return world;
            } catch (RuntimeException | Error e) {
                world.close();
                throw e;
            }
        }

        private void build() {
            var admin = JsonHttp.at(settings.gatewayUrl()).withBearer(settings.adminKey());
            var a = admin.post("/admin/v1/organisations", Map.of("name", "Attacked Academy"));
            assertThat(a.status()).as(a.toString()).isEqualTo(201);
            var b = admin.post("/admin/v1/organisations", Map.of("name", "Attacker Academy"));
            assertThat(b.status()).as(b.toString()).isEqualTo(201);
            aAdminKey = a.json().get("apiKey").asString();
            bKey = b.json().get("apiKey").asString();
            values.put("{orgA}", a.json().get("organisationId").asString());
            values.put("{hooks}", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
            var api = asA();

            var checklist = api.get("/api/v1/checklists/machine-learning");
            assertThat(checklist.status()).as(checklist.toString()).isEqualTo(200);
            List<String> entryItems = new ArrayList<>();
            for (JsonNode level : checklist.json().get("levels")) {
                if (level.get("id").asString().equals("entry")) {
                    level.get("categories").forEach(category ->
                            category.get("items").forEach(item -> entryItems.add(item.get("id").asString())));
                }
            }
            assertThat(entryItems).hasSizeGreaterThan(2);
            values.put("{item}", entryItems.get(0));
            values.put("{otherItem}", entryItems.get(1));

            var cohort = api.post("/api/v1/cohorts", Map.of("name", "Attacked cohort", "checklistId", "machine-learning"));
            assertThat(cohort.status()).as(cohort.toString()).isEqualTo(201);
            values.put("{cohort}", cohort.json().get("id").asString());
            var enrolment = api.post(resolve(COHORT + "/learners"), Map.of("learnerIds", List.of("ada")));
            assertThat(enrolment.status()).as(enrolment.toString()).isEqualTo(200);
            var tick = api.post(resolve(TICKS), Map.of("itemIds", List.of(values.get("{item}"))));
            assertThat(tick.status()).as(tick.toString()).isEqualTo(201);

            // Only level.completed: the one tick here completes nothing, so nothing is ever delivered.
            var endpoint = api.post("/api/v1/webhooks/endpoints", Map.of("url", values.get("{hooks}"),
                    "description", "A's LMS", "eventTypes", List.of("dev.ticklist.level.completed.v1")));
            assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
            values.put("{endpoint}", endpoint.json().get("id").asString());

            var read = api.post("/api/v1/keys", Map.of("scopes", List.of("read")));
            assertThat(read.status()).as(read.toString()).isEqualTo(201);
            aReadKey = read.json().get("key").asString();
            values.put("{readKeyId}", read.json().get("id").asString());
            var doomed = api.post("/api/v1/keys", Map.of("scopes", List.of("read", "write")));
            assertThat(doomed.status()).as(doomed.toString()).isEqualTo(201);
            revokedKey = doomed.json().get("key").asString();
            var revoked = api.delete("/api/v1/keys/" + doomed.json().get("id").asString());
            assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);

            // The keys the attacks use do work for what they are allowed: their refusals are about the attack.
            var readable = JsonHttp.at(settings.gatewayUrl()).withBearer(aReadKey).get(resolve(COHORT));
            assertThat(readable.status()).as(readable.toString()).isEqualTo(200);
            var bOwn = JsonHttp.at(settings.gatewayUrl()).withBearer(bKey).get("/api/v1/cohorts");
            assertThat(bOwn.status()).as(bOwn.toString()).isEqualTo(200);

            // The projections hold the tick before the "before" snapshot is taken.
            var caughtUp = api.get("/api/v1/progress/learners/ada?after=" + tick.json().get("position").asString());
            assertThat(caughtUp.status()).as(caughtUp.toString()).isEqualTo(200);
            assertThat(caughtUp.json().get("consistent").asBoolean()).as(caughtUp.toString()).isTrue();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                assertThat(sum(api.get(resolve("/api/v1/progress/cohorts/{cohort}")).json(), "tickedBy"))
                        .as("cohort view").isEqualTo(1);
                assertThat(api.get(resolve("/api/v1/progress/cohorts/{cohort}/learners")).json().at("/learners/0/percent")
                        .asDouble()).as("ranking").isPositive();
                assertThat(api.get("/api/v1/progress/learners/ada/timeline").json().get("total").asLong())
                        .as("timeline").isEqualTo(1);
            });

            neverShown.addAll(List.of(aAdminKey, aReadKey, values.get("{orgA}"), values.get("{hooks}"),
                    endpoint.json().get("secret").asString(), "Attacked cohort", "A's LMS"));
        }

        private JsonHttp asA() {
            return JsonHttp.at(settings.gatewayUrl()).withBearer(aAdminKey);
        }

        String resolve(String template) {
            String resolved = template;
            for (var value : values.entrySet()) {
                resolved = resolved.replace(value.getKey(), value.getValue());
            }
            return resolved;
        }

        /** Sends the row's request, checks its answer; returns it for the log. */
        Answer attempt(Case attack) {
            Answer answer = send(attack.request(), attack.as());
            System.out.printf("[attack] %-95s -> %s%n", attack.name(), answer.status() + " "
                    + (answer.contentType().startsWith("application/problem+json") ? answer.json().get("type").asString() : answer.contentType()));
            assertThat(answer.status()).as(attack.name() + ": " + answer).isEqualTo(attack.status());
            if (attack.problem() != null) {
                assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
                assertThat(answer.json().get("type").asString()).as(answer.toString())
                        .isEqualTo("urn:ticklist:problem:" + attack.problem());
                assertThat(answer.json().get("status").asInt()).isEqualTo(attack.status());
            }
            for (String secret : neverShown) {
                assertThat(answer.body()).as("never shows A's " + secret).doesNotContain(secret);
            }
            for (Check check : attack.checks()) {
                check.verify(this, attack, answer);
            }
            return answer;
        }

        Answer send(Request request, As as) {
            String base = switch (request.door()) {
                case GATEWAY -> settings.gatewayUrl();
                case CHECKLIST_SERVICE -> "http://127.0.0.1:" + settings.checklistPort();
                case PROGRESS_SERVICE -> "http://127.0.0.1:" + settings.progressPort();
                case NOTIFICATION_SERVICE -> "http://127.0.0.1:" + settings.notificationPort();
            };
            var builder = HttpRequest.newBuilder(URI.create(base + resolve(request.path()))).timeout(Duration.ofSeconds(30));
            credentials(as).forEach(builder::header);
            request.headers().forEach((name, value) -> builder.header(name, resolve(value)));
            if (request.body() == null && request.method().equals("GET")) {
                builder.GET();
            } else {
                byte[] body = body(request);
                if (!request.headers().containsKey("Content-Type")) {
                    builder.header("Content-Type", "application/json");
                }
                // A body over the limit is refused on its declared length and the connection closed:
                // sent whole, the client may still be writing when the close comes and read a reset
                // instead of the 413. Asking first, as clients of large uploads do, makes the answer certain.
                builder.expectContinue(!request.chunked() && body.length > BODY_LIMIT);
                builder.method(request.method(), request.chunked()
                        ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body));
            }
            try {
                var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                return new Answer(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private byte[] body(Request request) {
            String template = request.body() == null ? "" : resolve(request.body());
            if (request.oversize() > 0) {
                int fill = request.oversize() - (template.getBytes(StandardCharsets.UTF_8).length - "{padding}".length());
                template = template.replace("{padding}", "a".repeat(fill));
                assertThat(template.getBytes(StandardCharsets.UTF_8)).hasSize(request.oversize());
            }
            return template.getBytes(StandardCharsets.UTF_8);
        }

        private Map<String, String> credentials(As as) {
            String orgA = values.get("{orgA}");
            long now = Instant.now().getEpochSecond();
            var forAll = Map.<String, Object>of("iss", "ticklist-gateway", "sub", orgA, "org", orgA,
                    "aud", List.of("checklist-service", "progress-service", "notification-service"),
                    "scope", "admin platform read write", "iat", now, "exp", now + 60);
            return switch (as) {
                case NOBODY -> Map.of();
                case MALFORMED_KEY -> bearer("tk_not-a-real-key");
                case UNKNOWN_KEY -> bearer(unknownKey);
                case WRONG_KEY -> bearer(aAdminKey.substring(0, aAdminKey.length() - 1)
                        + (aAdminKey.endsWith("A") ? "B" : "A"));
                case REVOKED_KEY -> bearer(revokedKey);
                case REVOKED_KEY_AS_X_API_KEY -> Map.of("X-Api-Key", revokedKey);
                case BASIC_CREDENTIALS -> Map.of("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((orgA + ":" + aAdminKey).getBytes(StandardCharsets.UTF_8)));
                case TWO_KEYS -> Map.of("Authorization", "Bearer " + aAdminKey, "X-Api-Key", bKey);
                case PLATFORM_ADMIN_KEY -> bearer(settings.adminKey());
                case A_ADMIN_KEY -> bearer(aAdminKey);
                case A_READ_KEY -> bearer(aReadKey);
                case B_KEY -> bearer(bKey);
                case B_KEY_AND_FORGED_TOKEN -> Map.of("X-Api-Key", bKey,
                        "Authorization", "Bearer " + jwt("HS256", StackSettings.randomBytes(48), forAll));
                case GARBAGE_TOKEN -> bearer("not.a.token");
                case A_API_KEY_AS_TOKEN -> bearer(aAdminKey);
                case FORGED_TOKEN -> bearer(jwt("HS256", StackSettings.randomBytes(48), forAll));
                case UNSIGNED_TOKEN -> bearer(jwt("none", null, forAll));
                case EXPIRED_TOKEN -> {
                    var expired = new LinkedHashMap<>(forAll);
                    expired.put("iat", now - 900);
                    expired.put("exp", now - 600);
                    yield bearer(gatewaySigned(expired));
                }
                case FOREIGN_ISSUER_TOKEN -> {
                    var foreign = new LinkedHashMap<>(forAll);
                    foreign.put("iss", "not-the-gateway");
                    yield bearer(gatewaySigned(foreign));
                }
                case OTHER_AUDIENCE_TOKEN -> {
                    var elsewhere = new LinkedHashMap<>(forAll);
                    elsewhere.put("aud", List.of("billing-service"));
                    yield bearer(gatewaySigned(elsewhere));
                }
                case PUBLIC_KEY_AS_SECRET_TOKEN -> bearer(jwt("HS256", Base64.getDecoder().decode(settings.identityKeys().publicKey()), forAll));
            };
        }

        /** ES256 with the gateway's own private key, as only the gateway can sign. */
        private String gatewaySigned(Map<String, Object> claims) {
            var encoder = Base64.getUrlEncoder().withoutPadding();
            String signingInput = encoder.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "ES256", "typ", "JWT")))
                    + "." + encoder.encodeToString(JSON.writeValueAsBytes(claims));
            try {
                var signature = Signature.getInstance("SHA256withECDSAinP1363Format");
                signature.initSign(IdentityKeys.decode(settings.identityKeys().publicKey(), settings.identityKeys().privateKey())
                        .privateKey().orElseThrow());
                signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                return signingInput + "." + encoder.encodeToString(signature.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Map<String, String> bearer(String token) {
            return Map.of("Authorization", "Bearer " + token);
        }

        // ---- side effects ----

        /** Everything of A that an attack could have changed, as A's admin key reads it. */
        Map<String, String> snapshotOfA() {
            var api = asA();
            var views = new LinkedHashMap<String, String>();
            for (String path : List.of("/api/v1/cohorts", COHORT, COHORT + "/learners", COHORT + "/learners/ada/checklist",
                    "/api/v1/progress/learners/ada", "/api/v1/progress/learners/ada/timeline",
                    "/api/v1/progress/cohorts/{cohort}", "/api/v1/progress/cohorts/{cohort}/learners",
                    "/api/v1/webhooks/endpoints", ENDPOINT, ENDPOINT + "/messages", "/api/v1/keys")) {
                var answer = api.get(resolve(path));
                views.put(path, answer.status() + " " + answer.body());
            }
            return views;
        }

        /** A is as it was; B holds nothing of A's; no webhook went out. */
        void assertNoSideEffects(Map<String, String> before) {
            assertThat(snapshotOfA()).isEqualTo(before);
            assertThat(before.get("/api/v1/keys")).contains(values.get("{readKeyId}"));
            assertThat(JsonHttp.Response.parse(before.get(COHORT + "/learners").substring(4)).get("learnerIds"))
                    .isEqualTo(JSON.readTree("[\"ada\"]"));

            var b = JsonHttp.at(settings.gatewayUrl()).withBearer(bKey);
            assertThat(b.get("/api/v1/cohorts").json()).isEqualTo(JSON.readTree("[]"));
            assertThat(b.get("/api/v1/webhooks/endpoints").json().get("endpoints")).isEmpty();
            assertThat(b.get("/api/v1/keys").json().get("keys")).hasSize(1);
            assertThat(b.get("/api/v1/progress/learners/ada").json().get("checklists")).isEmpty();
            assertThat(b.get("/api/v1/progress/learners/ada/timeline").json().get("total").asLong()).isZero();
            for (String secret : neverShown) {
                assertThat(b.get("/api/v1/cohorts").body() + b.get("/api/v1/keys").body()).doesNotContain(secret);
            }
            assertThat(delivered).as("webhooks delivered to A's receiver").isEmpty();
        }

        @Override
        public void close() {
            receiver.stop(0);
        }
    }

    // ---- helpers ----

    private static long sum(JsonNode node, String field) {
        long total = 0;
        if (node.isObject()) {
            for (var entry : node.properties()) {
                total += entry.getKey().equals(field) && entry.getValue().isNumber()
                        ? entry.getValue().asLong() : sum(entry.getValue(), field);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                total += sum(element, field);
            }
        }
        return total;
    }

    /** A compact JWS; {@code none} leaves the signature empty. */
    static String jwt(String alg, byte[] secret, Map<String, Object> claims) {
        var encoder = Base64.getUrlEncoder().withoutPadding();
        String signingInput = encoder.encodeToString(JSON.writeValueAsBytes(Map.of("alg", alg, "typ", "JWT")))
                + "." + encoder.encodeToString(JSON.writeValueAsBytes(claims));
        if (secret == null) {
            return signingInput + ".";
        }
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return signingInput + "." + encoder.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
