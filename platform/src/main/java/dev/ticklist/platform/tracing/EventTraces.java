package dev.ticklist.platform.tracing;

import dev.ticklist.events.TraceParent;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The trace context events carry: taken from the work that publishes them (a request, or the
 * event that caused them) and continued by the work that applies them, through Micrometer
 * Tracing's W3C propagation. Without tracing (no tracer), events carry none.
 */
public class EventTraces {

    /** For events published where tracing is off. */
    public static final EventTraces NONE = new EventTraces(Tracer.NOOP, Propagator.NOOP);

    private final Tracer tracer;
    private final Propagator propagator;

    public EventTraces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The traceparent of the current span, or null outside any trace. */
    public String current() {
        return traceparentOf(tracer.currentTraceContext().context());
    }

    /** The traceparent naming {@code span} as the parent of what follows from it. */
    public String traceparentOf(Span span) {
        return traceparentOf(span.context());
    }

    /**
     * Starts a span of work done for an event, as a child of the span that published it; null
     * when the publisher did not record its trace (then nothing here is recorded either).
     */
    public Span startFor(String traceparent, String name) {
        if (traceparent == null || !TraceParent.isSampled(traceparent)) {
            return null;
        }
        return propagator.extract(traceparent, (carrier, key) -> TraceParent.HEADER.equals(key) ? carrier : null)
                .name(name).kind(Span.Kind.CONSUMER).start();
    }

    /** Makes {@code span} current on this thread (log lines carry its trace id) until the scope closes. */
    public Tracer.SpanInScope inScope(Span span) {
        return tracer.withSpan(span);
    }

    /**
     * Written here rather than through the propagator: a record's header is W3C whatever HTTP
     * propagates, and this runs for every command, without a carrier map each time.
     */
    private static String traceparentOf(TraceContext context) {
        if (context == null) {
            return null;
        }
        String value = "00-" + context.traceId() + "-" + context.spanId() + "-"
                + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
        return TraceParent.isWellFormed(value) ? value : null;
    }
}
