package dev.ticklist.progress.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticklist.platform.identity.IdentityTokens;
import dev.ticklist.platform.identity.Scope;
import dev.ticklist.progress.live.ProgressChange.Kind;
import dev.ticklist.testsupport.RealInfrastructure;
import dev.ticklist.testsupport.http.EventStream;
import dev.ticklist.testsupport.http.JsonHttp;
import dev.ticklist.testsupport.local.FreePorts;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Short, so a client that went away is noticed at once; and few streams, so the limit shows.
        "ticklist.progress.live.heartbeat=200ms",
        "ticklist.progress.live.max-streams=3"})
@RealInfrastructure
class LiveProgressIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Value("${local.server.port}")
    int port;
    @Autowired
    IdentityTokens identityTokens;
    @Autowired
    LiveProgressPublisher live;
    @Autowired
    ProgressStreams streams;
    @Autowired
    StringRedisTemplate redis;

    private final List<EventStream> opened = new ArrayList<>();
    String organisationId;
    String cohortId;

    @BeforeEach
    void newOrganisation() {
        organisationId = "org_" + UUID.randomUUID().toString().substring(0, 8);
        cohortId = "coh_" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void closeStreams() {
        opened.forEach(EventStream::close);
        await().atMost(WAIT).until(() -> streams.openStreams() == 0);
    }

    @Test
    void aChangeReachesTheLearnersAndTheCohortsStreams() {
        var ada = open(organisationId, "/api/v1/progress/learners/ada/stream");
        var cohort = open(organisationId, "/api/v1/progress/cohorts/" + cohortId + "/stream");
        assertThat(ada.status()).isEqualTo(200);
        assertThat(ada.header("Content-Type")).startsWith("text/event-stream");
        assertThat(ada.header("X-Accel-Buffering")).isEqualTo("no");

        var ticked = change("ada", Kind.TICKED, "notation", "2-1041");
        var bobJoined = change("bob", Kind.JOINED, null, "0-7");
        live.announce(List.of(ticked, bobJoined));

        var atAda = ada.nextEvent();
        assertThat(atAda.get("event")).isEqualTo("progress");
        assertThat(atAda.get("id")).isEqualTo("2-1041");
        JsonNode data = JsonHttp.Response.parse(atAda.get("data"));
        assertThat(data.get("organisationId").asString()).isEqualTo(organisationId);
        assertThat(data.get("cohortId").asString()).isEqualTo(cohortId);
        assertThat(data.get("learnerId").asString()).isEqualTo("ada");
        assertThat(data.get("checklistId").asString()).isEqualTo("tiny");
        assertThat(data.get("checklistVersion").asInt()).isEqualTo(2);
        assertThat(data.get("kind").asString()).isEqualTo("ticked");
        assertThat(data.get("itemId").asString()).isEqualTo("notation");
        assertThat(data.get("position").asString()).isEqualTo("2-1041");
        assertThat(Instant.parse(data.get("time").asString())).isEqualTo(ticked.time());

        var first = cohort.nextEvent();
        var second = cohort.nextEvent();
        assertThat(first.get("id")).isEqualTo("2-1041");
        assertThat(JsonHttp.Response.parse(first.get("data"))).isEqualTo(data);
        assertThat(second.get("id")).isEqualTo("0-7");
        JsonNode joined = JsonHttp.Response.parse(second.get("data"));
        assertThat(joined.get("kind").asString()).isEqualTo("joined");
        assertThat(joined.get("learnerId").asString()).isEqualTo("bob");
        assertThat(joined.get("itemId").isNull()).isTrue();

        // Bob's change is on the cohort's stream only; the next on Ada's is her own.
        live.announce(List.of(change("ada", Kind.UNTICKED, "notation", "2-1042")));
        assertThat(ada.nextEvent().get("id")).isEqualTo("2-1042");
        assertThat(cohort.nextEvent().get("id")).isEqualTo("2-1042");
    }

    @Test
    void aStreamStartsWithItsReconnectionDelayAndIsKeptAliveByHeartbeats() {
        var stream = open(organisationId, "/api/v1/progress/learners/cy/stream");
        assertThat(stream.nextLine()).isEqualTo("retry:3000");
        assertThat(stream.nextLine()).isEqualTo(":subscribed");
        stream.awaitLine(":heartbeat"::equals);
    }

    @Test
    void anotherOrganisationsStreamsGetNothing() {
        String other = "org_" + UUID.randomUUID().toString().substring(0, 8);
        var ours = open(organisationId, "/api/v1/progress/learners/dee/stream");
        var theirLearner = open(other, "/api/v1/progress/learners/dee/stream");
        var theirCohort = open(other, "/api/v1/progress/cohorts/" + cohortId + "/stream");
        assertThat(List.of(ours.status(), theirLearner.status(), theirCohort.status())).containsOnly(200);

        live.announce(List.of(change("dee", Kind.TICKED, "notation", "1-1")));
        assertThat(ours.nextEvent().get("id")).isEqualTo("1-1");

        // The same learner and cohort ids in the other organisation: what they get first is their own.
        live.announce(List.of(new ProgressChange(other, cohortId, "dee", "tiny", 2, Kind.TICKED, "matrices", "1-2",
                Instant.now())));
        assertThat(theirLearner.nextEvent().get("id")).isEqualTo("1-2");
        assertThat(theirCohort.nextEvent().get("id")).isEqualTo("1-2");
    }

    @Test
    void aMalformedIdIsABadRequestProblem() {
        for (String path : List.of("/api/v1/progress/learners/bad%20id/stream",
                "/api/v1/progress/cohorts/-cohort/stream")) {
            var refused = open(organisationId, path);
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(JsonHttp.Response.parse(refused.body()).get("type").asString())
                    .isEqualTo("urn:ticklist:problem:malformed-id");
        }
    }

    @Test
    void withoutTheGatewaysIdentityAStreamIsRefused() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/api/v1/progress/learners/ada/stream"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void streamsOfAChannelShareOneSubscriptionWhichEndsWithTheLastClient() {
        String channel = LiveChannels.learner(organisationId, "eve");
        var first = open(organisationId, "/api/v1/progress/learners/eve/stream");
        var second = open(organisationId, "/api/v1/progress/learners/eve/stream");
        assertThat(subscribers(channel)).isEqualTo(1);

        first.close();
        await().atMost(WAIT).until(() -> streams.openStreams() == 1);
        assertThat(subscribers(channel)).isEqualTo(1);
        live.announce(List.of(change("eve", Kind.TICKED, "notation", "4-4")));
        assertThat(second.nextEvent().get("id")).isEqualTo("4-4");

        second.close();
        await().atMost(WAIT).until(() -> subscribers(channel) == 0);
    }

    @Test
    void beyondTheLimitOfStreamsAnInstanceAnswersServiceUnavailable() {
        for (int index = 0; index < 3; index++) {
            assertThat(open(organisationId, "/api/v1/progress/learners/fay/stream").status()).isEqualTo(200);
        }
        var refused = open(organisationId, "/api/v1/progress/cohorts/" + cohortId + "/stream");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isEqualTo("5");

        opened.getFirst().close();
        await().atMost(WAIT).until(() -> streams.openStreams() == 2);
        assertThat(open(organisationId, "/api/v1/progress/cohorts/" + cohortId + "/stream").status()).isEqualTo(200);
    }

    @Test
    void announcingWithoutRedisNeitherThrowsNorWaits() {
        var unreachable = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", FreePorts.next()));
        unreachable.afterPropertiesSet();
        unreachable.start();
        try {
            var meters = new SimpleMeterRegistry();
            var redis = new StringRedisTemplate(unreachable);
            var publisher = new LiveProgressPublisher(redis, new LiveListeners(redis), meters);
            long started = System.nanoTime();

            publisher.announce(List.of(change("gus", Kind.TICKED, "notation", "5-5")));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(meters.counter("ticklist.progress.live.announce.failures").count()).isEqualTo(1.0);
        } finally {
            unreachable.destroy();
        }
    }

    private ProgressChange change(String learner, Kind kind, String item, String position) {
        return new ProgressChange(organisationId, cohortId, learner, "tiny", 2, kind, item, position,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** {@code PUBSUB NUMSUB}: how many connections are subscribed to the channel. */
    private long subscribers(String channel) {
        return redis.execute((RedisCallback<Long>) connection -> {
            @SuppressWarnings("unchecked")
            var commands = (RedisClusterAsyncCommands<byte[], byte[]>) connection.getNativeConnection();
            try {
                return commands.pubsubNumsub(channel.getBytes(StandardCharsets.UTF_8))
                        .get(5, TimeUnit.SECONDS).values().iterator().next();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private EventStream open(String organisation, String path) {
        var stream = EventStream.open(URI.create(baseUrl() + path),
                identityTokens.issue(organisation, Set.of(Scope.READ), "progress-service"), WAIT);
        opened.add(stream);
        return stream;
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
