package dev.ticklist.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticklist.testsupport.RandomSeed;
import dev.ticklist.testsupport.process.ServiceProcess;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Invariants 1 to 3 against a real broker and Redis, with progress-service as a real process:
 * tens of thousands of ticks, unticks, starts and skips while the service is killed (SIGKILL) and restarted,
 * then every learner's projection, the cohort's aggregates and ranking, and every milestone are
 * compared with the test's own fold of exactly the events published; then Redis is wiped and a replay from the beginning must
 * rebuild identical projections.
 *
 * <p>The stream with its kills is what the tests are about, not one of them: it runs once, before
 * them ({@link #streamWhileKillingTheServiceThreeTimes}), so each test can run alone or in any
 * order. The only test that changes anything, the rebuild, ends where it began (its own
 * assertion: the rebuilt projections equal those it wiped). The events, the learners they are
 * for and the moments of the kills come from one seed, printed and named in any failure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressExactnessIT {

    @RegisterExtension
    static final RandomSeed SEED = new RandomSeed();

    private static final int LEARNERS = 200;
    /** At least this many; more if the kills and restarts outlast them. */
    private static final int EVENTS = 20_000;
    /**
     * The stream runs until the last kill has come: about three minutes at the rate below, room
     * for restarts slowed by a busy machine (one took 25 s beside another scenario).
     */
    private static final int AT_MOST_EVENTS = 120_000;
    /** About as long as the kills and restarts take on two cores, so neither waits long for the other. */
    private static final int EVENTS_PER_SECOND = 700;
    private static final int KILLS = 3;
    private static final Map<String, String> COMMITTING = ExactnessFixture.committingEvery(Duration.ofSeconds(3));

    private ExactnessFixture fixture;
    private ServiceProcess progressService;
    private int killsBetweenFlushAndCommit;

    @BeforeAll
    void streamWhileKillingTheServiceThreeTimes() throws Exception {
        var seeds = new Random(SEED.value());
        fixture = ExactnessFixture.create("exactness", LEARNERS, seeds.nextLong());
        var killMoments = new Random(seeds.nextLong());
        // Committing after every batch, a kill would leave only a handful of records to deliver
        // again; every few seconds, it leaves thousands, so anything counted twice shows. The
        // stream starts with the service: it catches up with what came while it started.
        var stream = fixture.stream(EVENTS_PER_SECOND, AT_MOST_EVENTS);
        progressService = fixture.startProgressService(COMMITTING);
        for (int kill = 1; kill <= KILLS; kill++) {
            int threshold = killThreshold(kill, killMoments);
            long committedAtStart = fixture.committedTotal();
            // Killed between a flush and the offset commit: Redis holds events the group has not committed.
            await("kill " + kill + " after " + threshold + " events, some progress, and a flush not committed")
                    .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> stream.published() >= threshold && fixture.committedTotal() > committedAtStart
                            && fixture.storedBeyondCommitted());
            fixture.kill(progressService);
            // A commit may slip in between the check and the kill; most kills still land in the window.
            if (fixture.storedBeyondCommitted()) {
                killsBetweenFlushAndCommit++;
            }
            // The last instance is never killed: committing after every batch, it commits the
            // end as soon as it has applied everything, instead of up to an interval later.
            progressService = fixture.startProgressService(kill < KILLS ? COMMITTING : Map.of());
        }
        // Every kill and restart came while ticks streamed in: the stream ends only now, once it has
        // published at least EVENTS.
        await("at least " + EVENTS + " events published").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100)).until(() -> stream.published() >= EVENTS);
        stream.finish();
        fixture.awaitCaughtUp();
    }

    @AfterAll
    void closeFixture() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void everyProjectionEqualsTheFoldAfterKillsRestartsAndRedeliveries() {
        assertThat(killsBetweenFlushAndCommit).as("kills that came after a flush, before its offsets were committed")
                .isPositive();
        fixture.assertStreamTookTheFoldThroughEveryOccasion();
        fixture.assertProjectionsEqualFold("after " + KILLS + " kills");
    }

    @Test
    void milestonesHaveOneIdEachAndMatchTheFold() {
        assertThat(fixture.expected().milestones()).as("milestones in the fold: the stream finished levels").isNotEmpty();
        fixture.assertMilestonesMatchFold();
    }

    @Test
    void redisWipedThenRebuiltToIdenticalProjections() throws Exception {
        Map<String, Object> snapshot = fixture.projections().snapshot();
        assertThat(snapshot).as("projection keys").hasSizeGreaterThanOrEqualTo(LEARNERS);

        fixture.close(progressService);
        fixture.projections().wipe();
        assertThat(fixture.projections().keys()).isEmpty();

        // A rebuild is a new consumer group reading the topics from the beginning.
        fixture.switchToNewGroupFromTheBeginning("rebuild");
        progressService = fixture.startProgressService();
        fixture.awaitCaughtUp();

        assertThat(fixture.projections().snapshot()).isEqualTo(snapshot);
        fixture.assertProjectionsEqualFold("after the rebuild");
        fixture.assertMilestonesMatchFold();
    }

    /** Kill k of {@value #KILLS} comes at a random moment around the k-th quarter of the first {@value #EVENTS} events. */
    private static int killThreshold(int kill, Random random) {
        double fraction = kill / (KILLS + 1.0) + (random.nextDouble() - 0.5) * 0.2;
        return (int) (EVENTS * fraction);
    }
}
