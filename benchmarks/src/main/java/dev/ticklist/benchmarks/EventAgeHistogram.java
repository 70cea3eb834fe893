package dev.ticklist.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The service's own event-age histogram ({@code ticklist.progress.event.age}, a Micrometer
 * percentile histogram: time from an event's time to its application), as the cumulative bucket
 * counts {@code ticklist_progress_event_age_seconds_bucket} on {@code /actuator/prometheus}. The
 * counts only grow, so the difference of two readings is the histogram of the events applied
 * between them, from which quantiles are interpolated as Prometheus's {@code histogram_quantile} does.
 *
 * @param buckets upper bound in seconds ({@code +Inf} as {@link Double#POSITIVE_INFINITY}) to the
 *                count of events at most that old
 */
record EventAgeHistogram(NavigableMap<Double, Double> buckets) {

    static final String METRIC = "ticklist_progress_event_age_seconds_bucket";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * A quantile of the events' age.
     *
     * @param seconds      the interpolated age; for {@code beyondLast}, the last finite bound instead
     * @param bucketFrom   lower bound of the bucket it lies in
     * @param bucketTo     upper bound of that bucket ({@code +Inf} for {@code beyondLast})
     * @param beyondLast   older than the histogram's last finite bound: no interpolation possible
     */
    record Quantile(double seconds, double bucketFrom, double bucketTo, boolean beyondLast) {

        @Override
        public String toString() {
            return beyondLast ? "> " + age(seconds) + " (beyond the last bucket, not interpolated)"
                    : age(seconds) + " (interpolated in " + age(bucketFrom) + "–" + age(bucketTo) + ")";
        }

        static String age(double seconds) {
            if (seconds >= 10) {
                return String.format("%.1f s", seconds);
            }
            double millis = seconds * 1000;
            return millis < 10 ? String.format("%.1f ms", millis) : String.format("%.0f ms", millis);
        }
    }

    static EventAgeHistogram read(String serviceUrl) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(serviceUrl + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(5)).build();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + request.uri() + " answered " + response.statusCode());
        }
        var buckets = new TreeMap<Double, Double>();
        // name{application="progress-service",le="0.001048576"} 12 — summed over tag sets, should there be several.
        response.body().lines().filter(line -> line.startsWith(METRIC + "{")).forEach(line -> {
            int le = line.indexOf("le=\"") + 4;
            String bound = line.substring(le, line.indexOf('"', le));
            String[] afterTags = line.substring(line.lastIndexOf('}') + 1).trim().split("\\s+");
            buckets.merge(bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound),
                    Double.parseDouble(afterTags[0]), Double::sum);
        });
        if (buckets.isEmpty()) {
            throw new IllegalStateException(request.uri() + " has no " + METRIC);
        }
        return new EventAgeHistogram(buckets);
    }

    /** The histogram of the events recorded after {@code earlier}. */
    EventAgeHistogram since(EventAgeHistogram earlier) {
        var difference = new TreeMap<Double, Double>();
        buckets.forEach((bound, count) -> difference.put(bound, count - earlier.buckets.getOrDefault(bound, 0.0)));
        return new EventAgeHistogram(difference);
    }

    /** Events counted: the {@code +Inf} bucket. */
    long count() {
        return Math.round(buckets.lastEntry().getValue());
    }

    /** The age below which the share {@code q} of the events lies; null without events. */
    Quantile quantile(double q) {
        double total = buckets.lastEntry().getValue();
        if (total <= 0) {
            return null;
        }
        double rank = q * total;
        double lower = 0;
        double below = 0;
        for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
            double upper = bucket.getKey();
            double upTo = bucket.getValue();
            if (upTo >= rank && upTo > below) {
                if (upper == Double.POSITIVE_INFINITY) {
                    return new Quantile(lower, lower, upper, true);
                }
                // Events spread evenly within the bucket; the first bucket starts at 0.
                return new Quantile(lower + (upper - lower) * (rank - below) / (upTo - below), lower, upper, false);
            }
            lower = upper;
            below = upTo;
        }
        throw new IllegalStateException("cumulative buckets do not reach their own total");
    }
}
