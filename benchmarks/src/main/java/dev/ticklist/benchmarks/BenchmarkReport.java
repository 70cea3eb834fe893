package dev.ticklist.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The figures of one run, as an aligned text table and as the same table in Markdown. */
record BenchmarkReport(int events, int learners, Rate producer, Rate rawConsumer, RebuildRate.Result rebuild,
                       long redisKeys, long milestones, long deadLettered) {

    private List<String[]> rows() {
        var rows = new ArrayList<String[]>();
        rows.add(row("events (ItemTicked) / learners", "%,d / %,d", events, learners));
        rows.add(row("producer rate", "%,.0f events/s (%.1f s)", producer.perSecond(), producer.seconds()));
        rows.add(row("raw consumer rate", "%,.0f records/s (%.1f s)", rawConsumer.perSecond(), rawConsumer.seconds()));
        rows.add(row("service ready after", "%.1f s", rebuild.readySeconds()));
        rows.add(row("rebuild rate (first commit to caught up)", "%,.0f events/s (%.1f s)",
                rebuild.steady().perSecond(), rebuild.steady().seconds()));
        rows.add(row("rebuild rate including startup", "%,.0f events/s (%.1f s)",
                rebuild.withStartup().perSecond(), rebuild.withStartup().seconds()));
        rows.add(row("ratio rebuild / raw", "%.1f %%", 100 * rebuild.steady().perSecond() / rawConsumer.perSecond()));
        rows.add(row("Redis keys", "%,d", redisKeys));
        rows.add(row("milestones published", "%,d", milestones));
        rows.add(row("dead-lettered events", "%,d", deadLettered));
        return rows;
    }

    String text() {
        var rows = rows();
        int width = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0);
        var out = new StringBuilder();
        rows.forEach(row -> out.append(String.format("  %-" + width + "s  %s%n", row[0], row[1])));
        return out.toString();
    }

    String markdown() {
        var out = new StringBuilder();
        out.append(String.format("Run %s on %d cores, Java %s%n%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), Runtime.version()));
        out.append("| figure | value |\n|---|---|\n");
        rows().forEach(row -> out.append("| ").append(row[0]).append(" | ").append(row[1]).append(" |\n"));
        return out.toString();
    }

    private static String[] row(String name, String format, Object... values) {
        return new String[] {name, String.format(format, values)};
    }
}
