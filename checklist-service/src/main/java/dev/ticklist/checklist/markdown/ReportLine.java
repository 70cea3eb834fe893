package dev.ticklist.checklist.markdown;

/**
 * One line of a reader's report: something in the Markdown that was not taken as it stands, and why.
 *
 * @param line   1-based line number in the Markdown where the thing starts
 * @param text   that line, trimmed and cut to 120 characters
 * @param reason why it was not taken, or what was done with it instead
 */
public record ReportLine(int line, String text, String reason) {
}
