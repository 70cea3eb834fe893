package dev.ticklist.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A Prometheus rule file's alerting rules, and the alerts its promtool unit-test file expects. */
final class AlertRules {

    private AlertRules() {
    }

    record Alert(String name, JsonNode rule) {
        String label(String name) {
            return rule.path("labels").path(name).asText("");
        }

        String annotation(String name) {
            return rule.path("annotations").path(name).asText("");
        }
    }

    /** One alert_rule_test case: the alert, and whether it is expected to fire then. */
    record Expectation(String alert, boolean fires) {
    }

    static List<Alert> alerts(Path rulesFile) {
        List<Alert> alerts = new ArrayList<>();
        for (JsonNode group : YamlDocuments.read(rulesFile).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has("alert")) {
                    alerts.add(new Alert(rule.path("alert").asText(), rule));
                }
            }
        }
        return alerts;
    }

    static List<Expectation> expectations(Path testFile) {
        List<Expectation> expectations = new ArrayList<>();
        for (JsonNode test : YamlDocuments.read(testFile).path("tests")) {
            for (JsonNode check : test.path("alert_rule_test")) {
                expectations.add(new Expectation(check.path("alertname").asText(), !check.path("exp_alerts").isEmpty()));
            }
        }
        return expectations;
    }
}
