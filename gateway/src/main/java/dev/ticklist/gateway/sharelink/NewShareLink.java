package dev.ticklist.gateway.sharelink;

import dev.ticklist.gateway.problem.ProblemResponses;
import dev.ticklist.platform.web.Ids;
import dev.ticklist.platform.web.PlainText;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * What {@code POST /api/v1/share-links} takes.
 *
 * @param learnerId one learner of the cohort; omitted for a link to the whole cohort
 * @param access    {@code read} (the default), or {@code tick}: the learner's own link, which may also tick
 * @param expiresAt when it stops working (ISO-8601); by default in {@value #DEFAULT_DAYS} days, at most
 *                  {@value #MAX_DAYS}
 * @param label     what the organisation calls it, for its list
 */
public record NewShareLink(String cohortId, String learnerId, String access, String expiresAt, String label) {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 365;
    static final int MAX_LABEL = 200;

    /** The request once every rule holds. */
    public record Valid(String cohortId, String learnerId, ShareLink.Access access, Instant expiresAt, String label) {
    }

    Valid validate(Instant now) {
        if (cohortId == null || !Ids.isExternal(cohortId)) {
            throw invalid("cohortId must name one of the organisation's cohorts");
        }
        if (learnerId != null && !Ids.isExternal(learnerId)) {
            throw invalid("learnerId must be 1–128 letters, digits or . _ : @ - (or left out for the whole cohort)");
        }
        ShareLink.Access chosen = switch (access == null ? "read" : access) {
            case "read" -> ShareLink.Access.READ;
            case "tick" -> ShareLink.Access.TICK;
            default -> throw invalid("access must be read or tick, not '" + access + "'");
        };
        if (chosen == ShareLink.Access.TICK && learnerId == null) {
            throw invalid("a tick link is a learner's own: name the learner (learnerId)");
        }
        Instant expiry = expiresAt == null ? now.plus(Duration.ofDays(DEFAULT_DAYS)) : instant(expiresAt);
        if (!expiry.isAfter(now)) {
            throw invalid("expiresAt must be in the future");
        }
        if (expiry.isAfter(now.plus(Duration.ofDays(MAX_DAYS)))) {
            throw invalid("expiresAt may be at most " + MAX_DAYS + " days ahead");
        }
        if (label != null && (label.length() > MAX_LABEL || PlainText.problemIn(label, false).isPresent())) {
            throw invalid("label must have at most " + MAX_LABEL + " characters and no control characters, "
                    + "bidirectional controls or unassigned code points");
        }
        return new Valid(cohortId, learnerId, chosen, expiry, label == null || label.isBlank() ? null : label.strip());
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid("expiresAt must be a time like 2027-01-31T00:00:00Z, not '" + text + "'");
        }
    }

    static ErrorResponseException invalid(String detail) {
        return ProblemResponses.error(HttpStatus.BAD_REQUEST, "invalid-request", detail);
    }
}
