package dev.ticklist.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromqlMetricNamesTest {

    @Test
    void aSelectorIsItsMetricWhateverItsMatchersSay() {
        assertThat(PromqlMetricNames.of("http_server_requests_seconds_count{application=\"gateway\", uri!~\"/actuator/{*path}\"}"))
                .containsExactly("http_server_requests_seconds_count");
    }

    @Test
    void functionsAggregationsGroupingLabelsAndDurationsAreNotMetrics() {
        assertThat(PromqlMetricNames.of("histogram_quantile(0.99, sum by (application, instance, le) "
                + "(rate(ticklist_progress_event_age_seconds_bucket[5m]))) > 10 "
                + "unless on (instance) (ticklist_progress_generation_serving == 0)"))
                .containsExactly("ticklist_progress_event_age_seconds_bucket", "ticklist_progress_generation_serving");
    }

    @Test
    void offsetsKeywordsAndStringArgumentsAreNotMetrics() {
        assertThat(PromqlMetricNames.of("increase(a_total[15m]) > 0 or (a_total > 0 unless a_total offset 15m) "
                + "and ignoring(x) group_left b / bool 1e3"))
                .containsExactly("a_total", "b");
        assertThat(PromqlMetricNames.of("sum by (group) (label_replace(lag{topic=~\"t\\\\..+\"}, \"group\", \"$1\", "
                + "\"client_id\", \"consumer-(.+)-[0-9]+\"))"))
                .containsExactly("lag");
    }

    @Test
    void absentNamesTheMetricItLooksFor() {
        assertThat(PromqlMetricNames.of("absent(process_uptime_seconds{application=\"gateway\"}) or up{job=\"ticklist\"} == 0"))
                .containsExactly("process_uptime_seconds", "up");
    }

    @Test
    void theAlertRulesAndTheDashboardNameMetricsOnly() throws Exception {
        var names = ObservabilityQueries.metricNames(Stack.projectRoot());
        assertThat(names).contains("ticklist_events_dead_lettered_total", "kafka_consumer_fetch_manager_records_lag",
                "ticklist_webhook_attempts_total", "ticklist_progress_event_age_seconds_bucket", "jvm_memory_used_bytes");
        assertThat(names).allMatch(name -> name.matches("[a-z_][a-z0-9_]*"), "a metric name");
    }
}
