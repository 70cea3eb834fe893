package dev.ticklist.checklist.markdown;

import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Collects report lines in any order and hands back the first {@link MarkdownLimits#MAX_REPORT_LINES} by line
 * number, plus the exact total. Why bounded: 1 MiB of one-word paragraphs would otherwise make a report of
 * hundreds of thousands of lines.
 */
final class Report {

    private record Entry(int line, long sequence, String reason) {
    }

    private static final Comparator<Entry> IN_ORDER =
            Comparator.comparingInt(Entry::line).thenComparingLong(Entry::sequence);

    private final SourceText source;
    // Holds the lowest lines seen so far; its head is the highest of them, the first to drop.
    private final PriorityQueue<Entry> kept = new PriorityQueue<>(IN_ORDER.reversed());
    private long sequence;
    private int total;

    Report(SourceText source) {
        this.source = source;
    }

    void add(int line, String reason) {
        total++;
        kept.add(new Entry(line, sequence++, reason));
        if (kept.size() > MarkdownLimits.MAX_REPORT_LINES) {
            kept.poll();
        }
    }

    int total() {
        return total;
    }

    List<ReportLine> lines() {
        return kept.stream().sorted(IN_ORDER)
                .map(entry -> new ReportLine(entry.line(), source.excerpt(entry.line()), entry.reason()))
                .toList();
    }
}
