package dev.ticklist.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticklist.devstack.ExactnessFixture.Backlog;
import dev.ticklist.testsupport.Infrastructure;
import dev.ticklist.testsupport.RandomSeed;
import dev.ticklist.testsupport.net.SeverableTcpLink;
import dev.ticklist.testsupport.process.ServiceProcess;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Invariant 1 while Redis is unreachable, and invariant 2 when Redis loses its data:
 * progress-service reaches Redis through a link the test breaks, first by refusing connections,
 * then by holding every byte (as a frozen server does, so commands time out and then run late),
 * while learner activity keeps streaming in. All the while the group's committed offsets must
 * never pass what Redis holds as applied; after the outages the learner and cohort projections
 * must equal the fold. Then, with activity streaming again, Redis loses the projections (as in a
 * FLUSHALL or a restart without persistence, limited to what this test owns: the shared Redis
 * stays up for the other tests, and for this one to watch), and the projections must converge
 * to the fold again, though the committed offsets say everything was applied. The two tests share
 * one organisation and one progress-service, not an order: each streams events of its own and
 * ends with the projections equal to the fold of everything published, whichever ran before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressRedisOutageIT {

    @RegisterExtension
    static final RandomSeed SEED = new RandomSeed();

    private static final int LEARNERS = 150;
    private static final int EVENTS_PER_SECOND = 300;
    private static final int AT_MOST_EVENTS = 40_000;
    private static final Duration REFUSED = Duration.ofSeconds(6);
    private static final Duration FROZEN = Duration.ofSeconds(5);
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(200);

    private ExactnessFixture fixture;
    private SeverableTcpLink redisLink;
    private ServiceProcess progressService;

    @BeforeAll
    void createFixtureAndStartTheServiceBehindTheLink() throws Exception {
        fixture = ExactnessFixture.create("redis-outage", LEARNERS, SEED.value());
        var infrastructure = Infrastructure.shared();
        redisLink = SeverableTcpLink.to(infrastructure.redisHost(), infrastructure.redisPort());
        progressService = fixture.startProgressService(Map.of(
                "REDIS_HOST", "127.0.0.1", "REDIS_PORT", Integer.toString(redisLink.port())));
    }

    /** A test that failed mid-stream leaves no stream running into the next. */
    @AfterEach
    void finishStreams() throws Exception {
        fixture.finishStreams();
    }

    @AfterAll
    void closeFixture() {
        if (fixture != null) {
            fixture.close();
        }
        if (redisLink != null) {
            redisLink.close();
        }
    }

    @Test
    void noOffsetIsCommittedPastWhatWasAppliedAndProjectionsConvergeAfterwards() throws Exception {
        var stream = fixture.stream(EVENTS_PER_SECOND, AT_MOST_EVENTS);
        awaitProgressWhileChecking();

        redisLink.cut();
        try {
            watchOutage("connections refused", REFUSED, progressService, stream);
        } finally {
            redisLink.restore();
        }
        awaitProgressWhileChecking();

        redisLink.stall();
        try {
            watchOutage("Redis frozen", FROZEN, progressService, stream);
        } finally {
            redisLink.resume();
        }
        awaitProgressWhileChecking();

        stream.finish();
        fixture.awaitCaughtUp();
        assertThat(fixture.assertCommittedOffsetsApplied().pending()).as("records not committed at the end").isZero();
        fixture.assertProjectionsEqualFold("after both outages");
        fixture.assertMilestonesMatchFold();
    }

    @Test
    void projectionsConvergeToTheFoldAfterRedisLosesThemMidStream() throws Exception {
        var stream = fixture.stream(EVENTS_PER_SECOND, AT_MOST_EVENTS);
        awaitProgressWhileChecking();

        // Only progress-service noticing the loss (a partition's marker gone, its batch not at the
        // beginning) and applying the partitions again from their beginning brings them back.
        fixture.projections().loseOrganisationAndPartitionMarkers();
        int publishedAtLoss = stream.published();
        // Mid-stream: events keep coming until progress-service has noticed the loss on every
        // partition the stream writes (it marks a partition again once it applies it from its beginning).
        Set<String> written = stream.partitionsUsed().stream().map(TopicPartition::toString).collect(Collectors.toSet());
        await("events published after the loss, and progress-service noticing it on every partition written")
                .atMost(Duration.ofSeconds(30)).pollInterval(SAMPLE_EVERY)
                .until(() -> stream.published() >= publishedAtLoss + EVENTS_PER_SECOND
                        && fixture.projections().markedPartitions().containsAll(written));
        stream.finish();

        fixture.assertConvergesToFold("after Redis lost the projections mid-stream");
        assertThat(fixture.assertCommittedOffsetsApplied().pending()).as("records not committed at the end").isZero();
        fixture.assertMilestonesMatchFold();
    }

    /**
     * Samples committed offsets against applied markers through the outage, and checks that the
     * outage was real: the service reported itself not ready, and events piled up unapplied.
     */
    private void watchOutage(String outage, Duration length, ServiceProcess service, ActivityStream stream)
            throws Exception {
        int publishedBefore = stream.published();
        var backlog = new AtomicReference<Backlog>();
        // Readiness is asked beside the sampling, until the service says it is not ready: in an
        // outage one request may take its whole timeout, and would hold the sampling up as long.
        var sawNotReady = new AtomicBoolean();
        var askingReadiness = CompletableFuture.runAsync(() -> await(outage + ": readiness").atMost(length)
                .pollInterval(SAMPLE_EVERY).until(() -> !service.isReady()))
                .whenComplete((notReady, timeout) -> sawNotReady.set(timeout == null));
        // Samples for the whole outage: the check throws as soon as a commit passes what was applied.
        await(outage).during(length).atMost(length.plusSeconds(10)).pollInterval(SAMPLE_EVERY).until(() -> {
            backlog.set(fixture.assertCommittedOffsetsApplied());
            return true;
        });
        try {
            askingReadiness.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException notReadyWithinTheOutage) {
            // sawNotReady stays false
        }
        assertThat(stream.published() - publishedBefore).as(outage + ": events published during it")
                .isGreaterThan(EVENTS_PER_SECOND * (int) length.toSeconds() / 2);
        assertThat(backlog.get().pending()).as(outage + ": events waiting to be applied at its end")
                .isGreaterThan(EVENTS_PER_SECOND * (int) length.toSeconds() / 4);
        assertThat(sawNotReady).as(outage + ": progress-service reported itself not ready").isTrue();
    }

    /** Waits until the group commits a few more seconds' worth of events, checking commits against markers. */
    private void awaitProgressWhileChecking() throws Exception {
        long committed = fixture.committedTotal();
        await("progress committed").atMost(Duration.ofSeconds(60)).pollInterval(SAMPLE_EVERY).until(() -> {
            fixture.assertCommittedOffsetsApplied();
            return fixture.committedTotal() > committed + 2L * EVENTS_PER_SECOND;
        });
    }
}
