package dev.ticklist.events.kafka;

import dev.ticklist.events.TraceParent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The CloudEvents attributes of a record in binary content mode, read straight from its
 * {@code ce_*} headers, and the trace context of the {@code traceparent} header, in one pass:
 * what every consumer of a busy topic needs, without building a
 * {@code CloudEvent} (and parsing its source as a URI) per record. Only the plain case is read
 * here — spec version 1.0, JSON data, every required attribute present ({@code ce_time} too),
 * a source of URI characters, a well-formed time; anything else returns null and is left to
 * the deserializer's slower path, which says what is wrong.
 */
record BinaryModeAttributes(String id, String source, String type, Instant time, String traceparent) {

    static BinaryModeAttributes read(Headers headers) {
        String specVersion = null;
        String id = null;
        String source = null;
        String type = null;
        String time = null;
        String contentType = null;
        String traceparent = null;
        for (Header header : headers) {
            String key = header.key();
            if (header.value() == null) {
                continue;
            }
            switch (key) {
                case "ce_specversion" -> specVersion = text(header);
                case "ce_id" -> id = text(header);
                case "ce_source" -> source = text(header);
                case "ce_type" -> type = text(header);
                case "ce_time" -> time = text(header);
                case "content-type" -> contentType = text(header);
                case TraceParent.HEADER -> traceparent = text(header);
                default -> {
                    // other extensions and attributes: not needed to read the event
                }
            }
        }
        if (!"1.0".equals(specVersion) || isBlank(id) || isBlank(type) || isBlank(source) || isBlank(time)
                || !isUriText(source) || (contentType != null && !contentType.equals("application/json"))) {
            return null;
        }
        try {
            return new BinaryModeAttributes(id, source, type, IsoInstants.parse(time),
                    TraceParent.isWellFormed(traceparent) ? traceparent : null);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(Header header) {
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isEmpty();
    }

    /** Only characters a URI reference may hold unescaped (and escapes): anything else goes to the SDK. */
    private static boolean isUriText(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~:/?#[]@!$&'()*+,;=%".indexOf(c) >= 0;
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
