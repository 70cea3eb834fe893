package dev.ticklist.benchmarks;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** NDJSON lines made as they are read: learner n mod L ticks its next item, an hour apart. */
final class NdjsonTicks extends InputStream {

    private static final Instant HISTORY_START = Instant.parse("2025-01-06T08:00:00Z");

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
            var chunk = new StringBuilder();
            for (int i = 0; i < 1000 && next < lines; i++, next++) {
                int learner = next % learners;
                int item = (next / learners) % items.size();
                chunk.append("{\"learnerId\":\"").append(GatewayStack.learnerId(learnerPrefix, learner))
                        .append("\",\"itemId\":\"")
                        .append(items.get(item)).append("\",\"action\":\"tick\",\"at\":\"")
                        .append(HISTORY_START.plusSeconds(3600L * (next / learners))).append("\"}\n");
            }
            current = chunk.toString().getBytes(StandardCharsets.UTF_8);
            position = 0;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }
}
