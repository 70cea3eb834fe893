package dev.ticklist.events;

import java.util.regex.Pattern;

/** The W3C Trace Context {@code traceparent} value, version 00: {@code 00-<trace id>-<parent id>-<flags>}. */
public final class TraceParent {

    /** The Kafka record header (and HTTP header) that carries it. */
    public static final String HEADER = "traceparent";

    private static final Pattern FORMAT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final String INVALID_TRACE = "0".repeat(32);
    private static final String INVALID_PARENT = "0".repeat(16);

    private TraceParent() {
    }

    /** Version 00 with ids that are not all zeros: anything else is ignored, never an error in the event. */
    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches()
                && !value.substring(3, 35).equals(INVALID_TRACE) && !value.substring(36, 52).equals(INVALID_PARENT);
    }

    /** Whether the caller recorded its trace: then this side records its part too. */
    public static boolean isSampled(String value) {
        return (Integer.parseInt(value.substring(53, 55), 16) & 1) == 1;
    }

    public static String traceId(String value) {
        return value.substring(3, 35);
    }
}
