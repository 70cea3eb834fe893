package dev.ticklist.events.kafka;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the one form of instant events are written in — {@code 2026-12-06T06:35:41.347123Z}, UTC,
 * zero to nine digits of fraction — by hand: {@link Instant#parse} goes through the general
 * {@code DateTimeFormatter} machinery, which was the largest single cost of decoding a tick and
 * the longest method the JIT compiled in a rebuild. Anything else (an offset, a leap second, a
 * lowercase {@code z}, out-of-range fields) is left to {@link Instant#parse}, which accepts or
 * rejects it exactly as before.
 */
public final class IsoInstants {

    private static final int[] SCALE = {1, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private IsoInstants() {
    }

    public static Instant parse(String text) {
        Instant fast = plainUtc(text);
        return fast != null ? fast : Instant.parse(text);
    }

    /** The instant, or null when the text is not in the plain form. */
    private static Instant plainUtc(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21;
            if (text.charAt(19) != '.' || fraction < 1) {
                return null;
            }
            nanos = digits(text, 20, fraction);
            if (nanos < 0) {
                return null;
            }
            nanos *= SCALE[fraction];
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        LocalDate date = LocalDate.of(year, month, 1);
        if (day > date.lengthOfMonth()) {
            return null;
        }
        long epochDay = date.toEpochDay() + day - 1;
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
    }

    /** The decimal number of {@code count} digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
