package dev.ticklist.notification.destination;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IPv4 addresses as URL hosts, the way browsers and C resolvers read them: besides
 * {@code 127.0.0.1} they accept {@code 2130706433}, {@code 0x7f000001}, {@code 0177.0.0.1} and
 * {@code 127.1}. The guard must see through all of them, because the HTTP client's resolver may.
 */
final class Ipv4Notation {

    /** WHATWG URL: a host whose last label is a number is an IPv4 address, whatever else it holds. */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("(?i)[0-9]+|0x[0-9a-f]*");

    private Ipv4Notation() {
    }

    static boolean looksLikeIpv4(String host) {
        String last = host.substring(host.lastIndexOf('.') + 1);
        return NUMERIC_LABEL.matcher(last).matches();
    }

    /** The four bytes the host stands for, or empty if it is no IPv4 address in any notation. */
    static Optional<byte[]> parse(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long value = number(parts[i]);
            if (value == null) {
                return Optional.empty();
            }
            values[i] = value;
        }
        long address = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 255) {
                return Optional.empty();
            }
            address |= values[i] << (8 * (3 - i));
        }
        long last = values[values.length - 1];
        if (last >= 1L << (8 * (5 - values.length))) {
            return Optional.empty();
        }
        address |= last;
        return Optional.of(new byte[] {
                (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address});
    }

    /** True for the one unambiguous notation: four decimal numbers without leading zeros. */
    static boolean isCanonical(String host, byte[] address) {
        return host.equals(dotted(address));
    }

    static String dotted(byte[] address) {
        return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
    }

    private static Long number(String part) {
        if (part.isEmpty() || part.length() > 12) {
            return null;
        }
        try {
            if (part.length() >= 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
                return part.length() == 2 ? 0L : Long.parseLong(part.substring(2), 16);
            }
            if (part.length() >= 2 && part.startsWith("0")) {
                return Long.parseLong(part.substring(1), 8);
            }
            return Long.parseLong(part, 10);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
