package dev.ticklist.benchmarks;

import static dev.ticklist.benchmarks.Benchmark.say;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Single ticks through the gateway at a steady rate, each sent on time whatever the answers
 * before it (open loop), into a cohort whose live stream is open through the gateway and whose
 * organisation has a webhook endpoint: per tick, the answer's latency and the time until the
 * stream shows it; per finished level, the time from the tick that finished it until its
 * webhook arrived. Learner n mod L ticks item n / L, so every tick is new and shows.
 */
final class SteadyTicks {

    private static final String LEVEL_COMPLETED = "dev.ticklist.level.completed.v1";

    private final GatewayStack.Api api;
    private final String cohort;
    private final int learners;
    private final StackBenchmark.Checklist checklist;
    private final WebhookReceiver receiver;
    /** learner/item → when its tick was sent (nanoTime), until the stream shows it. */
    private final Map<String, Long> awaitingStream = new ConcurrentHashMap<>();
    /** learner/level → when the tick that finished it was sent (epoch millis). */
    private final Map<String, Long> levelFinishedAt = new ConcurrentHashMap<>();
    private final Recorder answers = new Recorder(3);
    private final Recorder toStream = new Recorder(3);
    private final AtomicLong shown = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    SteadyTicks(GatewayStack.Api api, String cohort, int learners, StackBenchmark.Checklist checklist,
                WebhookReceiver receiver) {
        this.api = api;
        this.cohort = cohort;
        this.learners = learners;
        this.checklist = checklist;
        this.receiver = receiver;
    }

    /** Sends {@code rate} ticks a second for the length; the figures, one line each. */
    List<String> run(int rate, Duration length) throws Exception {
        var subscribed = new CountDownLatch(1);
        var stream = HttpRequest.newBuilder(URI.create(api.url() + "/api/v1/progress/cohorts/" + cohort + "/stream"))
                .header(api.header(), api.credential()).header("Accept", "text/event-stream").GET().build();
        var lines = api.http().send(stream, HttpResponse.BodyHandlers.ofLines());
        if (lines.statusCode() != 200) {
            throw new IllegalStateException("the cohort's stream answered " + lines.statusCode());
        }
        var reader = Thread.ofVirtual().start(() -> readStream(lines.body(), subscribed));
        if (!subscribed.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the cohort's stream did not confirm its subscription");
        }

        long ticks = (long) rate * length.toSeconds();
        long levels = 0;
        say("  steady: %d ticks/s for %d s over %d learners, the cohort's stream open", rate, length.toSeconds(), learners);
        long begin = System.nanoTime();
        for (long n = 0; n < ticks; n++) {
            LockSupport.parkNanos(begin + n * 1_000_000_000L / rate - System.nanoTime());
            String learner = GatewayStack.learnerId("live", (int) (n % learners));
            String item = checklist.items().get((int) (n / learners) % checklist.items().size());
            String level = checklist.levelFinishedBy().get(item);
            if (level != null) {
                levels++;
            }
            Thread.startVirtualThread(() -> tick(learner, item, level));
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while ((shown.get() + failed.get() < ticks || levelWebhooks().size() < levels) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        lines.body().close();
        reader.interrupt();
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " of " + ticks + " ticks failed");
        }
        var webhookLatencies = new Histogram(3);
        for (var arrival : levelWebhooks()) {
            var data = arrival.body().path("data");
            Long finished = levelFinishedAt.get(data.path("learnerId").asString() + "/" + data.path("levelId").asString());
            if (finished != null) {
                webhookLatencies.recordValue(Math.max(0, arrival.epochMillis() - finished) * 1000);
            }
        }
        return List.of(
                line("steady ticks (" + rate + "/s): answered", answers.getIntervalHistogram(), ticks),
                line("  tick sent -> shown on the cohort's stream", toStream.getIntervalHistogram(), ticks),
                line("  level finished -> its webhook arrived", webhookLatencies, levels));
    }

    /** Times each tick the stream shows, until the stream is closed. */
    private void readStream(Stream<String> lines, CountDownLatch subscribed) {
        try {
            lines.forEach(line -> {
                if (line.startsWith(":subscribed")) {
                    subscribed.countDown();
                } else if (line.startsWith("data:")) {
                    var change = GatewayStack.JSON.readTree(line.substring("data:".length()));
                    if ("ticked".equals(change.path("kind").asString())) {
                        Long sent = awaitingStream.remove(change.path("learnerId").asString() + "/"
                                + change.path("itemId").asString());
                        if (sent != null) {
                            toStream.recordValue((System.nanoTime() - sent) / 1000);
                            shown.incrementAndGet();
                        }
                    }
                }
            });
        } catch (UncheckedIOException closed) {
            // the run closed the stream
        }
    }

    private void tick(String learner, String item, String level) {
        var request = api.ticks(cohort, learner, List.of(item));
        long sent = System.nanoTime();
        awaitingStream.put(learner + "/" + item, sent);
        if (level != null) {
            levelFinishedAt.put(learner + "/" + level, System.currentTimeMillis());
        }
        try {
            var response = api.http().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            answers.recordValue((System.nanoTime() - sent) / 1000);
        } catch (Exception e) {
            if (failed.incrementAndGet() < 5) {
                System.err.println("steady tick: " + e);
            }
        }
    }

    private List<WebhookReceiver.Arrival> levelWebhooks() {
        return receiver.arrivals().stream()
                .filter(arrival -> LEVEL_COMPLETED.equals(arrival.body().path("type").asString())
                        && cohort.equals(arrival.body().path("data").path("cohortId").asString()))
                .toList();
    }

    private static String line(String name, Histogram histogram, long expected) {
        String line = String.format("%-44s p50 / p99 / max %.1f / %.1f / %.1f ms (%,d of %,d)", name,
                histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(99) / 1e3,
                histogram.getMaxValue() / 1e3, histogram.getTotalCount(), expected);
        say("  %s", line);
        return line;
    }
}
