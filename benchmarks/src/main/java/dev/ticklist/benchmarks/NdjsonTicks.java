package dev.ticklist.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import tools.jackson.core.SerializableString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/** NDJSON lines made as they are read: learner n mod L ticks its next item, an hour apart. */
final class NdjsonTicks extends InputStream {

    private static final Instant HISTORY_START = Instant.parse("2025-01-06T08:00:00Z");

    /** Writes each object as it is, a newline after it (no separator of Jackson's own between them). */
    private static final JsonMapper JSON = JsonMapper.builder(
            JsonFactory.builder().rootValueSeparator((SerializableString) null).build()).build();

    private final int lines;
    private final int learners;
    private final String learnerPrefix;
    private final List<String> items;
    private byte[] current = new byte[0];
    private int position;
    private int next;

    NdjsonTicks(int lines, int learners, List<String> items) {
        this(lines, learners, GatewayStack.LEARNER, items);
    }

    /** The learners are named as {@link GatewayStack#learnerId(String, int)} names them with this prefix. */
    NdjsonTicks(int lines, int learners, String learnerPrefix, List<String> items) {
        this.lines = lines;
        this.learners = learners;
        this.learnerPrefix = learnerPrefix;
        this.items = items;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position == current.length) {
            if (next == lines) {
                return -1;
            }
            var chunk = new ByteArrayOutputStream(128 * 1000);
            try (var json = JSON.createGenerator(chunk)) {
                for (int i = 0; i < 1000 && next < lines; i++, next++) {
                    int learner = next % learners;
                    int item = (next / learners) % items.size();
                    json.writeStartObject();
                    json.writeStringProperty("learnerId", GatewayStack.learnerId(learnerPrefix, learner));
                    json.writeStringProperty("itemId", items.get(item));
                    json.writeStringProperty("action", "tick");
                    json.writeStringProperty("at", HISTORY_START.plusSeconds(3600L * (next / learners)).toString());
                    json.writeEndObject();
                    json.writeRaw('\n');
                }
            }
            current = chunk.toByteArray();
            position = 0;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }
}
