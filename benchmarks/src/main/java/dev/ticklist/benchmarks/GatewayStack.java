package dev.ticklist.benchmarks;

import dev.ticklist.platform.identity.IdentityKeys;
import dev.ticklist.platform.identity.IdentityTokens;
import dev.ticklist.platform.identity.Scope;
import dev.ticklist.testsupport.local.FreePorts;
import dev.ticklist.testsupport.local.LocalKafkaBroker;
import dev.ticklist.testsupport.local.LocalRedisServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * checklist-service behind the gateway, as the HTTP benchmarks start them: the environment both
 * share (fresh secrets, progress- and notification-service not started), and the public API's
 * calls the benchmarks make before they measure.
 */
record GatewayStack(Map<String, String> environment, IdentityKeys identityKeys, String adminKey, int checklistPort) {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static GatewayStack of(LocalKafkaBroker broker, LocalRedisServer redis, Map<String, String> more) {
        var identity = IdentityKeys.generate();
        String adminKey = "tka_" + randomText(32);
        int checklistPort = FreePorts.next();
        var environment = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "REDIS_HOST", "127.0.0.1",
                "REDIS_PORT", Integer.toString(redis.port()),
                "TICKLIST_ADMIN_KEY", adminKey,
                "CHECKLIST_SERVICE_URL", "http://127.0.0.1:" + checklistPort,
                // Not started: the requests measured reach checklist-service alone.
                "PROGRESS_SERVICE_URL", "http://127.0.0.1:" + FreePorts.next(),
                "NOTIFICATION_SERVICE_URL", "http://127.0.0.1:" + FreePorts.next()));
        // One environment for the gateway and the services here; only the gateway signs with the private key.
        environment.putAll(identity.environment());
        environment.putAll(more);
        return new GatewayStack(Map.copyOf(environment), identity, adminKey, checklistPort);
    }

    /** A new organisation through the admin API: its id and first API key. */
    Organisation newOrganisation(HttpClient http, String gatewayUrl, String name) throws Exception {
        var created = send(http, HttpRequest.newBuilder(URI.create(gatewayUrl + "/admin/v1/organisations"))
                .header("Authorization", "Bearer " + adminKey).header("Content-Type", "application/json")
                .POST(json(Map.of("name", name))), 201);
        return new Organisation(created.get("organisationId").asString(), created.get("apiKey").asString());
    }

    /** An identity token with the write scope, for calls straight to a service. */
    String writeToken(String organisationId) {
        return new IdentityTokens(identityKeys, Duration.ofHours(1)).issue(organisationId, Set.of(Scope.WRITE), "checklist-service");
    }

    record Organisation(String id, String apiKey) {
    }


    /** Calls to one base URL with one credential header. */
    record Api(HttpClient http, String url, String header, String credential) {

        /** {@code POST /api/v1/cohorts/{cohort}/learners/{learner}/ticks} of these items. */
        HttpRequest ticks(String cohortId, String learnerId, List<String> itemIds) {
            return HttpRequest.newBuilder(URI.create(url + "/api/v1/cohorts/" + cohortId + "/learners/" + learnerId
                            + "/ticks"))
                    .header(header, credential).header("Content-Type", "application/json")
                    .POST(json(Map.of("itemIds", itemIds))).build();
        }

        JsonNode call(String method, String path, HttpRequest.BodyPublisher body, int expected) throws Exception {
            return call(method, path, body, expected, "application/json");
        }

        JsonNode call(String method, String path, HttpRequest.BodyPublisher body, int expected, String type)
                throws Exception {
            var request = HttpRequest.newBuilder(URI.create(url + path)).header(header, credential)
                    .timeout(Duration.ofMinutes(10))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
            if (body != null) {
                request.header("Content-Type", type);
            }
            return send(http, request, expected);
        }
    }

    static JsonNode send(HttpClient http, HttpRequest.Builder request, int expected) throws Exception {
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.build().uri() + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    static HttpRequest.BodyPublisher json(Object body) {
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    }

    static List<String> itemsOf(JsonNode checklist) {
        var items = new ArrayList<String>();
        checklist.get("levels").forEach(level -> level.get("categories").forEach(category ->
                category.get("items").forEach(item -> items.add(item.get("id").asString()))));
        return items;
    }

    /** How learners are named where a benchmark has one kind of them. */
    static final String LEARNER = "learner";

    static String learnerId(int n) {
        return learnerId(LEARNER, n);
    }

    /** Learner n of a cohort whose learners are named apart from every other cohort's. */
    static String learnerId(String prefix, int n) {
        return prefix + "-" + n + "@example.org";
    }

    static String randomText(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Enrols learners 0 to {@code learners - 1}, a thousand a request. */
    static void enrol(Api api, String cohortId, int learners) throws Exception {
        enrol(api, cohortId, learners, LEARNER);
    }

    static void enrol(Api api, String cohortId, int learners, String prefix) throws Exception {
        for (int from = 0; from < learners; from += 1000) {
            var batch = new ArrayList<String>();
            for (int l = from; l < Math.min(learners, from + 1000); l++) {
                batch.add(learnerId(prefix, l));
            }
            api.call("POST", "/api/v1/cohorts/" + cohortId + "/learners", json(Map.of("learnerIds", batch)), 200);
        }
    }
}
