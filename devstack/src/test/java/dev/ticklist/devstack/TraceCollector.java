package dev.ticklist.devstack;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * An OTLP/HTTP traces receiver on loopback, as a collector would be: keeps every span the
 * services export, to be found by trace and drawn as a tree.
 */
final class TraceCollector implements AutoCloseable {

    /** One exported span, ids in hex as in a {@code traceparent}. */
    record CollectedSpan(String service, String traceId, String spanId, String parentSpanId, String name,
                         String kind, long startNanos, long endNanos) {
    }

    private final HttpServer server;
    private final List<CollectedSpan> spans = new CopyOnWriteArrayList<>();

    private TraceCollector(HttpServer server) {
        this.server = server;
    }

    static TraceCollector start() throws IOException {
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        var collector = new TraceCollector(server);
        server.createContext("/v1/traces", exchange -> {
            try (exchange) {
                collector.keep(ExportTraceServiceRequest.parseFrom(exchange.getRequestBody()));
                byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        server.start();
        return collector;
    }

    /** The URL the services export to. */
    String tracesUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    private void keep(ExportTraceServiceRequest request) {
        var hex = HexFormat.of();
        for (var resourceSpans : request.getResourceSpansList()) {
            String service = resourceSpans.getResource().getAttributesList().stream()
                    .filter(attribute -> attribute.getKey().equals("service.name"))
                    .map(KeyValue::getValue).map(value -> value.getStringValue()).findFirst().orElse("?");
            for (var scopeSpans : resourceSpans.getScopeSpansList()) {
                for (var span : scopeSpans.getSpansList()) {
                    spans.add(new CollectedSpan(service, hex.formatHex(span.getTraceId().toByteArray()),
                            hex.formatHex(span.getSpanId().toByteArray()),
                            span.getParentSpanId().isEmpty() ? null : hex.formatHex(span.getParentSpanId().toByteArray()),
                            span.getName(), span.getKind().name().replace("SPAN_KIND_", "").toLowerCase(),
                            span.getStartTimeUnixNano(), span.getEndTimeUnixNano()));
                }
            }
        }
    }

    List<CollectedSpan> spans() {
        return List.copyOf(spans);
    }

    /** Every span of one trace, the earliest first. */
    List<CollectedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId))
                .sorted(Comparator.comparingLong(CollectedSpan::startNanos)).toList();
    }

    /** A trace as an indented tree: service, span name, kind and when it started after the root. */
    String render(String traceId) {
        var trace = trace(traceId);
        if (trace.isEmpty()) {
            return "(no spans)";
        }
        long start = trace.getFirst().startNanos();
        var lines = new ArrayList<String>();
        var ids = trace.stream().map(CollectedSpan::spanId).collect(Collectors.toSet());
        trace.stream().filter(span -> span.parentSpanId() == null || !ids.contains(span.parentSpanId()))
                .forEach(root -> draw(root, trace, start, 0, lines));
        return String.join("\n", lines);
    }

    private static void draw(CollectedSpan span, List<CollectedSpan> trace, long start, int depth, List<String> lines) {
        lines.add("%s%s  %s (%s)  +%.1f ms, %.1f ms".formatted("  ".repeat(depth), span.service(), span.name(),
                span.kind(), (span.startNanos() - start) / 1e6, (span.endNanos() - span.startNanos()) / 1e6));
        trace.stream().filter(child -> span.spanId().equals(child.parentSpanId()))
                .forEach(child -> draw(child, trace, start, depth + 1, lines));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
