package dev.ticklist.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The {@code --name=value} arguments of a benchmark mode ({@code startup}, {@code webhooks}). */
final class ModeOptions {

    private final Map<String, String> values = new HashMap<>();

    private ModeOptions() {
    }

    static ModeOptions of(String[] args) {
        var options = new ModeOptions();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.values.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        return options;
    }

    int number(String name, int otherwise) {
        return Optional.ofNullable(values.get(name)).map(Integer::parseInt).orElse(otherwise);
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name));
    }
}
