package dev.ticklist.events.kafka;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The CloudEvents attributes every Ticklist event carries, as binary-mode headers. CloudEvents
 * makes {@code time} optional; Ticklist does not: every fact says when it happened (progress
 * dates finished levels and ticks per day by it), and reading a record without one as some
 * default time would put it in the wrong place for ever. A record lacking any of them is
 * refused with their names, so the consumer dead-letters it with that reason.
 */
final class RequiredAttributes {

    static final List<String> HEADERS = List.of("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time");

    private RequiredAttributes() {
    }

    /** The required headers a record lacks or holds empty, in the order above. */
    static List<String> missingFrom(Headers headers) {
        var missing = new ArrayList<String>(0);
        for (String name : HEADERS) {
            Header header = headers.lastHeader(name);
            if (header == null || header.value() == null || header.value().length == 0) {
                missing.add(name);
            }
        }
        return missing;
    }

    static SerializationException lacking(List<String> names) {
        return new SerializationException("not a CloudEvent Ticklist can read: it lacks the required attribute"
                + (names.size() == 1 ? " " : "s ") + String.join(", ", names));
    }
}
