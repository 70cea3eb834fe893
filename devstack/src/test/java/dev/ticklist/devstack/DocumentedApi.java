package dev.ticklist.devstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The operations of the API as docs/api.md lists them and as the whole API's OpenAPI document
 * has them, in one comparable form: {@code GET /api/v1/cohorts/{}} (parameter names differ
 * between the two: {@code {id}} in the docs, {@code {cohortId}} in the code).
 */
final class DocumentedApi {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern CALLED = Pattern.compile("\\$TICKLIST(/api/[^\\s\"'?)]+)");

    private DocumentedApi() {
    }

    /**
     * The operations of api.md's tables, each with the text it was written as. A row names them in
     * its first cell: {@code `GET /api/v1/cohorts`, `GET /api/v1/cohorts/{id}`}; a method alone
     * takes the path of the next span ({@code `PATCH`, `DELETE /api/v1/…/levels/{levelId}`}).
     */
    static Map<String, String> inApiMd(MarkdownPage apiMd) {
        var operations = new LinkedHashMap<String, String>();
        for (List<String> row : MarkdownPage.tableRows(apiMd.text())) {
            var waiting = new ArrayList<String>();
            Matcher span = CODE_SPAN.matcher(row.getFirst());
            while (span.find()) {
                String[] parts = span.group(1).strip().split(" +", 2);
                if (!METHODS.contains(parts[0])) {
                    continue;
                }
                if (parts.length == 1) {
                    waiting.add(parts[0]);
                    continue;
                }
                waiting.add(parts[0]);
                for (String method : waiting) {
                    operations.put(key(method, parts[1]), method + " " + parts[1]);
                }
                waiting.clear();
            }
        }
        return operations;
    }

    /** The operations of an OpenAPI document, each with the path as the document writes it. */
    static Map<String, String> inOpenApi(JsonNode document) {
        var operations = new LinkedHashMap<String, String>();
        for (var path : document.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                if (METHODS.contains(method)) {
                    operations.put(key(method, path.getKey()), method + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    /** The API paths the README's tour calls ({@code $TICKLIST/api/v1/cohorts/$COHORT/learners}), with $-variables as parameters. */
    static List<String> calledBy(MarkdownPage readme) {
        var called = new ArrayList<String>();
        for (String code : readme.code()) {
            Matcher call = CALLED.matcher(code);
            while (call.find()) {
                called.add(call.group(1));
            }
        }
        return called;
    }

    /** Whether a concrete path of the tour is one of the document's paths: a parameter takes any segment. */
    static boolean matchesAnyPath(String called, JsonNode document) {
        String[] segments = called.replaceAll("/$", "").split("/");
        for (var path : document.get("paths").propertyNames()) {
            String[] template = path.split("/");
            if (template.length != segments.length) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < template.length && matches; i++) {
                matches = template[i].startsWith("{") || template[i].equals(segments[i])
                        || segments[i].startsWith("$");
            }
            if (matches) {
                return true;
            }
        }
        return false;
    }

    private static String key(String method, String path) {
        String withoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return method + " " + withoutQuery.strip().replaceAll("\\{[^}]*}", "{}").replaceAll("/$", "");
    }
}
