package dev.ticklist.events;

/** The W3C Trace Context {@code traceparent} value, version 00: {@code 00-<trace id>-<parent id>-<flags>}. */
public final class TraceParent {

    /** The Kafka record header (and HTTP header) that carries it. */
    public static final String HEADER = "traceparent";

    private static final int LENGTH = 55;
    private static final int TRACE_ID = 3;
    private static final int PARENT_ID = 36;
    private static final int FLAGS = 53;

    private TraceParent() {
    }

    /**
     * Version 00 with ids that are not all zeros: anything else is ignored, never an error in the
     * event. Checked character by character: every record a consumer reads passes here.
     */
    public static boolean isWellFormed(String value) {
        if (value == null || value.length() != LENGTH || value.charAt(0) != '0' || value.charAt(1) != '0'
                || value.charAt(TRACE_ID - 1) != '-' || value.charAt(PARENT_ID - 1) != '-'
                || value.charAt(FLAGS - 1) != '-') {
            return false;
        }
        return isLowerHexNotAllZeros(value, TRACE_ID, PARENT_ID - 1)
                && isLowerHexNotAllZeros(value, PARENT_ID, FLAGS - 1)
                && isLowerHex(value.charAt(FLAGS)) && isLowerHex(value.charAt(FLAGS + 1));
    }

    /** Whether the caller recorded its trace: then this side records its part too. */
    public static boolean isSampled(String value) {
        return (Character.digit(value.charAt(FLAGS + 1), 16) & 1) == 1;
    }

    public static String traceId(String value) {
        return value.substring(TRACE_ID, PARENT_ID - 1);
    }

    private static boolean isLowerHexNotAllZeros(String value, int from, int to) {
        boolean nonZero = false;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (!isLowerHex(c)) {
                return false;
            }
            nonZero |= c != '0';
        }
        return nonZero;
    }

    private static boolean isLowerHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
}
