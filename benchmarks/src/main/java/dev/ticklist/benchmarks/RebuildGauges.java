package dev.ticklist.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The service's own view of the rebuild: the gauges {@code ticklist_progress_rebuild_remaining}
 * and {@code ticklist_progress_rebuild_progress} on {@code /actuator/prometheus}, which it
 * refreshes every few seconds. Read after the benchmark saw the group caught up, as a check that
 * both agree on what a finished rebuild is.
 *
 * @param remaining    events the service counts as not yet applied (-1 until it first measured)
 * @param progress     its share applied, 0 to 1
 * @param secondsAfter how long after the benchmark's own sighting the gauge showed 0 remaining
 *                     (or gave up waiting)
 */
record RebuildGauges(double remaining, double progress, double secondsAfter) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Waits up to {@code patience} for the service to report nothing remaining. */
    static RebuildGauges await(String serviceUrl, Duration patience) throws IOException, InterruptedException {
        long start = System.nanoTime();
        var request = HttpRequest.newBuilder(URI.create(serviceUrl + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(5)).build();
        while (true) {
            String metrics = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
            double remaining = value(metrics, "ticklist_progress_rebuild_remaining");
            double progress = value(metrics, "ticklist_progress_rebuild_progress");
            double seconds = (System.nanoTime() - start) / 1e9;
            if (remaining == 0 || seconds > patience.toSeconds()) {
                return new RebuildGauges(remaining, progress, seconds);
            }
            Thread.sleep(200);
        }
    }

    /** The value of a gauge's one sample: {@code name{tags} value}. */
    private static double value(String metrics, String name) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(Double.NaN);
    }
}
