package dev.ticklist.devstack;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads. Not a parser: it drops what cannot be a metric name
 * (strings, label matchers, ranges, grouping labels, numbers and durations, keywords), and what is
 * left is a metric name unless a bracket follows it, which makes it a function or an aggregation.
 */
final class PromqlMetricNames {

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern MATCHERS_AND_RANGES = Pattern.compile("\\{[^}]*}|\\[[^]]*]");
    private static final Pattern GROUPING_LABELS =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern TOKEN = Pattern.compile("\\d[\\w.]*|([A-Za-z_:][\\w:]*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "atan2", "bool", "offset",
            "by", "without", "on", "ignoring", "group_left", "group_right", "inf", "nan");

    private PromqlMetricNames() {
    }

    static Set<String> of(String expr) {
        String left = STRINGS.matcher(expr).replaceAll(" ");
        left = MATCHERS_AND_RANGES.matcher(left).replaceAll(" ");
        left = GROUPING_LABELS.matcher(left).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher token = TOKEN.matcher(left);
        while (token.find()) {
            String name = token.group(1);
            boolean called = token.group(2) != null;
            if (name != null && !called && !KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }
}
