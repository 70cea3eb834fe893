package dev.ticklist.platform.tracing;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.TraceParent;
import io.micrometer.tracing.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The traces of a batch of events applied at once. A batch folds thousands of events from many
 * requests, so a span per event would cost more than the fold: each recorded trace in the batch
 * gets one span instead (named {@code name}, child of the trace's first event in the batch),
 * open while the batch is applied. Events the batch causes carry the trace of the latest event
 * of their key: its span's when recorded, else the event's own context, so a trace id is never
 * lost. Which key carries what is worked out only when asked: most batches cause no such event.
 */
public final class BatchTraces implements AutoCloseable {

    private final List<? extends EventEnvelope<?>> envelopes;
    /** By trace id, the traceparent naming the batch's span of that recorded trace. */
    private final Map<String, String> spanByTrace = new HashMap<>();
    private final List<Span> spans = new ArrayList<>();
    private Map<String, String> byKey;

    private BatchTraces(List<? extends EventEnvelope<?>> envelopes) {
        this.envelopes = envelopes;
    }

    /** Opens the spans of a batch; {@code envelopes} may hold nulls (empty records). */
    public static BatchTraces open(EventTraces traces, String name, List<? extends EventEnvelope<?>> envelopes) {
        var batch = new BatchTraces(envelopes);
        for (EventEnvelope<?> envelope : envelopes) {
            String traceparent = envelope == null ? null : envelope.traceparent();
            if (traceparent == null || !TraceParent.isSampled(traceparent)
                    || batch.spanByTrace.containsKey(TraceParent.traceId(traceparent))) {
                continue;
            }
            Span span = traces.startFor(traceparent, name);
            if (span == null) {
                continue;
            }
            span.tag("ticklist.event.type", envelope.type());
            batch.spans.add(span);
            batch.spanByTrace.put(TraceParent.traceId(traceparent), traces.traceparentOf(span));
        }
        return batch;
    }

    /** The trace context an event of {@code key} caused by this batch carries, or null. */
    public String traceparentFor(String key) {
        if (byKey == null) {
            byKey = new HashMap<>();
            for (EventEnvelope<?> envelope : envelopes) {
                if (envelope != null && envelope.traceparent() != null) {
                    String traceparent = envelope.traceparent();
                    byKey.put(envelope.event().key(), TraceParent.isSampled(traceparent)
                            ? spanByTrace.getOrDefault(TraceParent.traceId(traceparent), traceparent) : traceparent);
                }
            }
        }
        return byKey.get(key);
    }

    /** Marks the batch's spans failed; they end when closed. */
    public void failed(Throwable error) {
        spans.forEach(span -> span.error(error));
    }

    @Override
    public void close() {
        spans.forEach(Span::end);
    }
}
