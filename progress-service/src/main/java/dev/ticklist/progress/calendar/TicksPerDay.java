package dev.ticklist.progress.calendar;

import dev.ticklist.platform.web.Problems;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Ticks per day (UTC) for an activity calendar, read from a projection's hash of epoch day to
 * count. Reading costs one field per day asked for, whatever the size of the cohort.
 */
public final class TicksPerDay {

    public static final int MAX_DAYS = 366;

    private TicksPerDay() {
    }

    public record Day(LocalDate date, long ticks) {
    }

    /** The days from {@code from} to {@code to} inclusive; by default the 365 days up to today. */
    public record Range(LocalDate from, LocalDate to) {

        public static Range of(String from, String to, LocalDate today) {
            LocalDate end = to == null ? today : date("to", to);
            LocalDate start = from == null ? end.minusDays(MAX_DAYS - 2) : date("from", from);
            if (start.isAfter(end)) {
                throw Problems.invalid("bad-range", "from (" + start + ") is after to (" + end + ")");
            }
            if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
                throw Problems.invalid("bad-range", "at most " + MAX_DAYS + " days at a time");
            }
            return new Range(start, end);
        }
    }

    /** A query parameter's date ({@code 2026-11-23}), or a 400 problem naming the parameter. */
    public static LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Problems.invalid("bad-date", name + " must be a date like 2026-11-23, not " + text);
        }
    }

    public static List<Day> read(StringRedisTemplate redis, String key, Range range) {
        var fields = new ArrayList<Object>();
        for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
            fields.add(Long.toString(day.toEpochDay()));
        }
        List<Object> counts = redis.opsForHash().multiGet(key, fields);
        var days = new ArrayList<Day>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            days.add(new Day(range.from().plusDays(i), counts.get(i) == null ? 0 : Long.parseLong((String) counts.get(i))));
        }
        return days;
    }

    public static LocalDate today(java.time.Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
