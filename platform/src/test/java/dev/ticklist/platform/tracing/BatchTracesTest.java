package dev.ticklist.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.TraceParent;
import dev.ticklist.events.activity.ItemTicked;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Events carry the trace of their work, and a batch records one span per recorded trace, on a real OpenTelemetry tracer. */
class BatchTracesTest {

    private static final String RECORDED = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private static final String RECORDED_LATER = "00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01";
    private static final String NOT_RECORDED = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";

    private final List<SpanData> ended = new ArrayList<>();
    private final SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(new Collector()).build();
    private final io.opentelemetry.api.trace.Tracer otel = provider.get("test");
    private final EventTraces traces = new EventTraces(
            new OtelTracer(otel, new OtelCurrentTraceContext(), event -> { }),
            new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel));

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void theCurrentSpanIsWhatPublishedEventsCarryAndOutsideAnySpanNothing() {
        assertThat(traces.current()).isNull();

        var span = otel.spanBuilder("request").startSpan();
        try (var scope = span.makeCurrent()) {
            assertThat(traces.current()).isEqualTo("00-" + span.getSpanContext().getTraceId() + "-"
                    + span.getSpanContext().getSpanId() + "-01");
        } finally {
            span.end();
        }
    }

    @Test
    void aBatchRecordsOneSpanPerRecordedTraceAndCausedEventsContinueTheTraceOfTheirKey() {
        var batch = Arrays.asList(
                ticked("ada", RECORDED), ticked("ada", RECORDED_LATER), ticked("grace", NOT_RECORDED),
                ticked("linus", null), null);

        String ada;
        try (var traces = BatchTraces.open(this.traces, "learner-activity apply", batch)) {
            ada = traces.traceparentFor("org_acme/ada");
            assertThat(traces.traceparentFor("org_acme/grace")).as("a trace not recorded passes on as it came")
                    .isEqualTo(NOT_RECORDED);
            assertThat(traces.traceparentFor("org_acme/linus")).as("no trace, none invented").isNull();
            assertThat(ended).as("open while the batch is applied").isEmpty();
        }

        assertThat(ended).singleElement().satisfies(span -> {
            assertThat(span.getName()).isEqualTo("learner-activity apply");
            assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(span.getTraceId()).isEqualTo(TraceParent.traceId(RECORDED));
            assertThat(span.getParentSpanId()).as("child of the trace's first event").isEqualTo("b7ad6b7169203331");
            assertThat(ada).as("what ada's caused events carry: this span").isEqualTo(
                    "00-" + span.getTraceId() + "-" + span.getSpanId() + "-01");
        });
    }

    private static EventEnvelope<ItemTicked> ticked(String learner, String traceparent) {
        return new EventEnvelope<>("e-" + learner, "/ticklist/test", Instant.parse("2026-12-07T08:00:00Z"),
                new ItemTicked("org_acme", "coh_1", learner, "machine-learning", 1, "regression"), traceparent);
    }

    /** Keeps every span that ends. */
    private final class Collector implements SpanProcessor {
        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {
        }

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
            ended.add(span.toSpanData());
        }

        @Override
        public boolean isEndRequired() {
            return true;
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
