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
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Invariants 1 and 3 when the same events are delivered twice: the consumer group's offsets are
 * moved back to where the test's events start, once mid-stream after a SIGKILL and once after
 * everything was applied, so every event reaches progress-service a second time. Projections
 * must still equal the fold, to the millisecond, and no milestone id may be added.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressRedeliveryIT {

    @RegisterExtension
    static final RandomSeed SEED = new RandomSeed();

    private static final int LEARNERS = 150;
    private static final int EVENTS = 6_000;
    private static final int EVENTS_PER_SECOND = 500;

    private ExactnessFixture fixture;

    @BeforeAll
    void createFixture() throws Exception {
        fixture = ExactnessFixture.create("redelivery", LEARNERS, SEED.value());
    }

    @AfterAll
    void closeFixture() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void everyEventDeliveredTwiceChangesNoProjectionAndAddsNoMilestone() throws Exception {
        // The stream starts with the service, which catches up with what came while it started.
        var stream = fixture.stream(EVENTS_PER_SECOND, EVENTS);
        ServiceProcess progressService = fixture.startProgressService();

        // Mid-stream: killed, then the group rewound, so the first half arrives again while the rest streams in.
        long committedAtStart = fixture.committedTotal();
        await("half the events published and some applied").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> stream.published() >= EVENTS / 2 && fixture.committedTotal() > committedAtStart);
        fixture.kill(progressService);
        fixture.rewindToTheStart();
        progressService = fixture.startProgressService();
        stream.awaitDone();
        fixture.awaitCaughtUp();
        fixture.assertProjectionsEqualFold("after the first half was delivered twice");
        fixture.assertMilestonesMatchFold();

        // At rest: every event once more, into projections that already hold all of them.
        Map<String, Object> snapshot = fixture.projections().snapshot();
        Set<String> milestoneIds = fixture.milestoneIds();
        fixture.close(progressService);
        fixture.rewindToTheStart();
        progressService = fixture.startProgressService();
        fixture.awaitCaughtUp();

        assertThat(eventsSeenByListener(progressService)).as("events the listener saw after the second rewind")
                .isGreaterThanOrEqualTo(EVENTS);
        assertThat(fixture.projections().snapshot()).as("every projection key after every event came again")
                .isEqualTo(snapshot);
        fixture.assertProjectionsEqualFold("after every event was delivered twice");
        assertThat(fixture.milestoneIds()).as("milestone ids after every event came again").isEqualTo(milestoneIds);
        fixture.assertMilestonesMatchFold();
    }

    /** progress-service's own count of learner activity records handed to its listener. */
    private static double eventsSeenByListener(ServiceProcess service) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(service.url() + "/actuator/prometheus")).build();
        String metrics;
        try (var http = HttpClient.newHttpClient()) {
            metrics = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        }
        return metrics.lines().filter(line -> line.startsWith("ticklist_progress_events_applied_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
