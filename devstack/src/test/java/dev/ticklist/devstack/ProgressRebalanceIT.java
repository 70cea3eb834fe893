package dev.ticklist.devstack;

import static org.awaitility.Awaitility.await;

import dev.ticklist.testsupport.RandomSeed;
import dev.ticklist.testsupport.process.ServiceProcess;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Invariants 1 and 3 across rebalances: while learner activity streams in, a second
 * progress-service joins the consumer group and leaves it gracefully, then a third joins and is
 * killed (SIGKILL), so partitions move between instances with batches in flight and the records
 * the killed one applied but had not committed are delivered again to the instance that takes
 * them over.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressRebalanceIT {

    @RegisterExtension
    static final RandomSeed SEED = new RandomSeed();

    private static final int LEARNERS = 150;
    private static final int EVENTS_PER_SECOND = 250;
    private static final int AT_MOST_EVENTS = 40_000;
    private static final Duration REBALANCE_TIMEOUT = Duration.ofSeconds(45);

    private ExactnessFixture fixture;

    @BeforeAll
    void createFixture() throws Exception {
        fixture = ExactnessFixture.create("rebalance", LEARNERS, SEED.value());
    }

    @AfterAll
    void closeFixture() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void projectionsEqualTheFoldAfterInstancesJoinAndLeaveMidStream() throws Exception {
        // The stream starts with the first instance, which catches up with what came while it started.
        var stream = fixture.stream(EVENTS_PER_SECOND, AT_MOST_EVENTS);
        fixture.startProgressService();
        awaitProgress("the first instance");
        int alone = fixture.activityConsumers();

        ServiceProcess second = fixture.startProgressService();
        awaitConsumers("the second instance joined", alone + 1, Integer.MAX_VALUE);
        awaitProgress("both instances");
        fixture.close(second);
        awaitConsumers("the second instance left", alone, alone);
        awaitProgress("the first instance, after the second left");

        // Committing only every few seconds, its kill leaves applied records for the first to get again.
        ServiceProcess third = fixture.startProgressService(ExactnessFixture.committingEvery(Duration.ofSeconds(5)));
        awaitConsumers("the third instance joined", alone + 1, Integer.MAX_VALUE);
        awaitProgress("both instances");
        fixture.kill(third);
        awaitConsumers("the third instance's session expired", alone, alone);
        awaitProgress("the first instance, after the third was killed");

        stream.finish();
        fixture.awaitCaughtUp();
        fixture.assertProjectionsEqualFold("after instances joined and left");
        fixture.assertMilestonesMatchFold();
    }

    /** Waits until the group commits more, with events still streaming in. */
    private void awaitProgress(String by) throws Exception {
        long committed = fixture.committedTotal();
        await("progress committed by " + by).atMost(REBALANCE_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> fixture.committedTotal() > committed + EVENTS_PER_SECOND);
    }

    private void awaitConsumers(String what, int atLeast, int atMost) {
        await(what).atMost(REBALANCE_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
            int consumers = fixture.activityConsumers();
            return consumers >= atLeast && consumers <= atMost;
        });
    }
}
