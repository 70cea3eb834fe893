package dev.ticklist.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The figures of one run, as an aligned text table and as the same table in Markdown. */
record BenchmarkReport(int events, int learners, String distribution, Rate producer, Rate rawConsumer,
                       RebuildRate.Result rebuild, ResourceUse used, RebuildGauges gauges, RedisKeys keys,
                       long milestones, long deadLetteredActivity, long deadLetteredCohort,
                       List<LivePhase.Result> live) {

    private List<String[]> rows() {
        var rows = new ArrayList<String[]>();
        var learner = rebuild.learnerActivity();
        var full = rebuild.full();
        rows.add(row("events (ItemTicked) / learners", "%,d / %,d", events, learners));
        rows.add(row("tick distribution", "%s", distribution));
        rows.add(row("producer rate", "%,.0f events/s (%.1f s)", producer.perSecond(), producer.seconds()));
        rows.add(row("raw consumer rate", "%,.0f records/s (%.1f s)", rawConsumer.perSecond(), rawConsumer.seconds()));
        rows.add(row("service ready after", "%.1f s", rebuild.readySeconds()));
        rows.add(row("rebuild, learner activity applied", "%,.0f events/s (%.1f s)",
                learner.perSecond(), learner.seconds()));
        rows.add(row("full rebuild (cohort changes applied too)", "%,.0f learner events/s (%.1f s)",
                full.perSecond(), full.seconds()));
        rows.add(row("full rebuild including startup", "%,.0f learner events/s (%.1f s)",
                rebuild.fullWithStartup().perSecond(), rebuild.fullWithStartup().seconds()));
        rows.add(row("ratio to raw (learner activity / full)", "%.1f %% / %.1f %%",
                100 * learner.perSecond() / rawConsumer.perSecond(), 100 * full.perSecond() / rawConsumer.perSecond()));
        rows.add(row("cohort changes (left when activity caught up)", "%,d (%,d)",
                rebuild.cohortChanges(), rebuild.cohortLeftBehind()));
        double perEvent = full.count() == 0 ? 0 : 1e-3 / full.count();
        int cores = Runtime.getRuntime().availableProcessors();
        long ours = used.serviceNanos() + used.redisNanos() + used.benchmarkNanos();
        rows.add(row("CPU per learner event: service / Redis / broker", "%.0f / %.0f / %.0f µs (%.0f %% of %d cores)",
                used.serviceNanos() * perEvent, used.redisNanos() * perEvent, used.benchmarkNanos() * perEvent,
                100.0 * ours / (full.nanos() * (double) cores), cores));
        rows.add(row("CPU of other processes meanwhile", "%.0f %% of %d cores%s",
                100.0 * Math.max(0, used.machineNanos() - ours) / (full.nanos() * (double) cores), cores,
                used.machineNanos() == 0 ? " (unknown: no /proc/stat)" : ""));
        var scripts = used.scripts();
        rows.add(row("Redis scripts per learner event", "%.2f calls, %.0f µs",
                (double) scripts.calls() / full.count(), (double) scripts.micros() / full.count()));
        rows.add(row("Redis commands per learner event (in scripts too)", "%s", used.busiestCommands(3).stream()
                .map(command -> String.format("%s %.1f × %.1f µs", command.name(),
                        (double) command.calls() / full.count(), command.microsPerCall()))
                .collect(Collectors.joining(", "))));
        rows.add(row("service's rebuild gauges: remaining / progress", "%.0f / %.2f (%.1f s after)",
                gauges.remaining(), gauges.progress(), gauges.secondsAfter()));
        rows.add(row("Redis keys: learners / cohorts (outboxes; all)", "%,d / %,d (%,d; %,d)",
                keys.learnerKeys(), keys.cohortKeys(), keys.outboxes(), keys.all()));
        rows.add(row("milestones published", "%,d", milestones));
        rows.add(row("dead-lettered: learner events / cohort changes", "%,d / %,d",
                deadLetteredActivity, deadLetteredCohort));
        live.forEach(phase -> rows.addAll(liveRows(phase)));
        return rows;
    }

    private static List<String[]> liveRows(LivePhase.Result phase) {
        String name = String.format("live %,d events/s: ", phase.askedRate());
        var rows = new ArrayList<String[]>();
        var achieved = phase.achieved();
        rows.add(row(name + "producer rate achieved", "%,.0f events/s (%,d in %.1f s)%s", achieved.perSecond(),
                achieved.count(), achieved.seconds(),
                achieved.perSecond() < 0.98 * phase.askedRate() ? ", below the rate asked" : ""));
        rows.add(row(name + "events: ticks / unticks", "%,d / %,d (%.1f %% unticks)", phase.ticks(), phase.unticks(),
                achieved.count() == 0 ? 0 : 100.0 * phase.unticks() / achieved.count()));
        var catchUp = phase.catchUp();
        rows.add(row(name + "caught up after the last ack",
                "%s; %,d cohort changes caused, %,d milestones, %,d dead-lettered",
                catchUp.caughtUp()
                ? String.format("%.1f s", catchUp.seconds())
                : String.format("NOT within %.0f s: %,d learner events / %,d cohort changes left",
                        catchUp.seconds(), catchUp.activityLeft(), catchUp.cohortLeft()),
                phase.cohortChanges(), phase.milestones(), phase.deadLettered()));
        var age = phase.age();
        rows.add(row(name + "event age p50 / p99", age.count() == 0 ? "no events applied" : "%s / %s; %,d events",
                age.quantile(0.50), age.quantile(0.99), age.count()));
        var used = phase.used();
        double perEvent = achieved.count() == 0 ? 0 : 1e-3 / achieved.count();
        int cores = Runtime.getRuntime().availableProcessors();
        long ours = used.serviceNanos() + used.redisNanos() + used.benchmarkNanos();
        double span = phase.usedNanos() * (double) cores;
        rows.add(row(name + "CPU per event: service / Redis / broker and producer",
                "%.0f / %.0f / %.0f µs (%.0f %% of %d cores; other processes %.0f %%)",
                used.serviceNanos() * perEvent, used.redisNanos() * perEvent, used.benchmarkNanos() * perEvent,
                100.0 * ours / span, cores, 100.0 * Math.max(0, used.machineNanos() - ours) / span));
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
