package dev.ticklist.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticklist.testsupport.RandomSeed;
import dev.ticklist.testsupport.process.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.TreeMap;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Invariant 2's second half, with progress-service as real processes: while learner activity
 * streams in and a dashboard reads progress over HTTP every 50 ms, a rebuild (generation 2, a
 * consumer group of its own, taking over when caught up) starts beside the live generation 1.
 * Reads must never fail, never show nothing or something the learner never had, and never fall
 * behind; once generation 2 serves, generation 1 is stopped, and generation 2's learner and cohort
 * projections, and what the service answers without any generation-1 key left, must equal the
 * fold of exactly the events published.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressRebuildBesideLiveIT {

    @RegisterExtension
    static final RandomSeed SEED = new RandomSeed();

    private static final int LEARNERS = 100;
    private static final int WATCHED = 20;
    private static final int EVENTS_PER_SECOND = 200;
    private static final int AT_MOST_EVENTS = 40_000;
    private static final Duration READ_EVERY = Duration.ofMillis(50);
    /** Generation 1 is live under a rebuild using both cores: its own lag may reach seconds, a gap is longer. */
    private static final Duration MAX_STALENESS = Duration.ofSeconds(5);
    private static final Duration TAKE_OVER_TIMEOUT = Duration.ofSeconds(60);

    private ExactnessFixture fixture;
    private String servingBefore;

    @BeforeAll
    void createFixture() throws Exception {
        fixture = ExactnessFixture.create("rebuild", LEARNERS, SEED.value());
        servingBefore = fixture.projections("1").servingGeneration();
    }

    @AfterAll
    void closeFixture() {
        if (fixture != null) {
            fixture.close();
            // Reads of every later test's services must go back to the generation they build.
            fixture.projections("1").restoreServingGeneration(servingBefore);
        }
    }

    @Test
    void aRebuildBesideTheLiveProjectionsTakesOverWithoutAGapInReads() throws Exception {
        // The stream starts with generation 1, which catches up with what came while it started.
        var stream = fixture.stream(EVENTS_PER_SECOND, AT_MOST_EVENTS);
        ServiceProcess live = fixture.startProgressService();
        awaitProgress("generation 1");
        try (var reads = ProgressReads.start(fixture.learnerIds().subList(0, WATCHED), fixture.cohortId(), READ_EVERY)) {
            reads.addTarget("generation-1 instance", fixture.client(live));

            ServiceProcess rebuild = fixture.startRebuildBesideLive("2");
            reads.addTarget("generation-2 instance", fixture.client(rebuild));
            awaitTakeOver(rebuild);
            // Each instance caches the serving generation for a second.
            await("the generation-1 instance reading generation 2").atMost(Duration.ofSeconds(5))
                    .until(() -> metric(live, "ticklist_progress_generation_serving") == 0);
            assertThat(metric(rebuild, "ticklist_progress_generation_serving")).as("generation 2 serving, by its metric")
                    .isEqualTo(1);
            assertThat(stream.published()).as("events published before the take-over").isLessThan(AT_MOST_EVENTS);

            reads.removeTarget("generation-1 instance");
            fixture.close(live);
            awaitProgress("generation 2 alone");
            stream.finish();
            fixture.awaitCaughtUp();
            reads.close();

            fixture.assertProjectionsEqualFold("generation 2, after taking over");
            fixture.assertMilestonesMatchFold();
            var verdict = reads.verdict(fixture.fold(), fixture.published(), stream.acknowledgedAt(), MAX_STALENESS);
            System.out.println("reads while generation 2 was built and took over: " + verdict);
            assertThat(verdict.violations()).as("reads that failed, showed nothing or something never held, or lagged")
                    .isEmpty();
            assertThat(verdict.readsByTarget()).as("reads per instance").containsKeys(
                    "generation-1 instance", "generation-2 instance");

            // Reads come from generation 2: with this organisation's generation-1 keys gone, the answers are unchanged.
            fixture.projections("1").wipe();
            fixture.assertAnswersEqualFold(rebuild, "generation 2 alone");
            // The gauge is measured every 2 s (ticklist.progress.rebuild-check-interval).
            await("no events left to rebuild").atMost(Duration.ofSeconds(10))
                    .until(() -> metric(rebuild, "ticklist_progress_rebuild_remaining") == 0);
        }
    }

    /** Waits until generation 2 serves reads; failing, says what the rebuild reported meanwhile. */
    private void awaitTakeOver(ServiceProcess rebuild) {
        var remaining = new TreeMap<Double, Integer>();
        try {
            await("generation 2 serving reads").atMost(TAKE_OVER_TIMEOUT).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        remaining.merge(metric(rebuild, "ticklist_progress_rebuild_remaining"), 1, Integer::sum);
                        return "2".equals(fixture.projections("1").servingGeneration());
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("generation 2 did not take over within " + TAKE_OVER_TIMEOUT
                    + "; ticklist_progress_rebuild_remaining seen (value=times): " + remaining, e);
        }
    }

    /** Waits until the fixture's current group commits a few more seconds' worth of events. */
    private void awaitProgress(String by) throws Exception {
        long committed = fixture.committedTotal();
        await("progress committed by " + by).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> fixture.committedTotal() > committed + 2L * EVENTS_PER_SECOND);
    }

    /** A gauge's value from the instance's Prometheus endpoint. */
    private static double metric(ServiceProcess service, String name) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(service.url() + "/actuator/prometheus")).build();
        String metrics;
        try (var http = HttpClient.newHttpClient()) {
            metrics = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        }
        return metrics.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not on " + service.url()));
    }
}
