package dev.ticklist.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Grafana dashboard's JSON model: its panels and the PromQL queries they run. */
final class GrafanaDashboard {

    /**
     * What Grafana puts in place of the variables a query uses, for checking it as PromQL. A new
     * variable must be added here, so no query is checked with a placeholder left in it.
     */
    private static final Map<String, String> VARIABLES = Map.of(
            "__rate_interval", "5m",
            "__interval", "1m",
            "__range", "1h",
            "application", ".+");

    // $name, ${name} or ${name:format}; $1 in label_replace is a regex group, not a variable.
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_]\\w*)(?::\\w+)?}|\\$([A-Za-z_]\\w*)");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*\\w+\\)");

    /** One query: the panel (or variable) it belongs to, and its PromQL as Grafana sends it. */
    record Query(String source, String expr) {
    }

    private final JsonNode model;

    private GrafanaDashboard(JsonNode model) {
        this.model = model;
    }

    static GrafanaDashboard read(Path file) {
        try {
            return new GrafanaDashboard(YamlDocuments.JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    JsonNode model() {
        return model;
    }

    /** Every panel, those inside collapsed rows too; rows themselves are not panels. */
    List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : model.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                panel.path("panels").forEach(panels::add);
            } else {
                panels.add(panel);
            }
        }
        return panels;
    }

    /** Every panel target's expression and every label_values() variable's selector, variables replaced. */
    List<Query> queries() {
        List<Query> queries = new ArrayList<>();
        for (JsonNode panel : panels()) {
            for (JsonNode target : panel.path("targets")) {
                String source = "panel \"" + panel.path("title").asText() + "\" " + target.path("refId").asText();
                queries.add(new Query(source, resolved(target.path("expr").asText(), source)));
            }
        }
        for (JsonNode variable : model.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                String source = "variable " + variable.path("name").asText();
                String query = variable.path("query").isObject()
                        ? variable.path("query").path("query").asText()
                        : variable.path("query").asText();
                Matcher labelValues = LABEL_VALUES.matcher(query);
                if (!labelValues.matches()) {
                    throw new IllegalArgumentException(source + ": only label_values(<selector>, <label>) is checked, not " + query);
                }
                queries.add(new Query(source, resolved(labelValues.group(1), source)));
            }
        }
        return queries;
    }

    private static String resolved(String expr, String source) {
        if (expr.isBlank()) {
            throw new IllegalArgumentException(source + " has no expression");
        }
        Matcher variable = VARIABLE.matcher(expr);
        StringBuilder resolved = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1) != null ? variable.group(1) : variable.group(2);
            String value = VARIABLES.get(name);
            if (value == null) {
                throw new IllegalArgumentException(source + " uses $" + name
                        + ", which GrafanaDashboard.VARIABLES does not know: add what to check it with");
            }
            variable.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        variable.appendTail(resolved);
        return resolved.toString();
    }
}
