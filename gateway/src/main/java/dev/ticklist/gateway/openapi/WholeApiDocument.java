package dev.ticklist.gateway.openapi;

import dev.ticklist.gateway.openapi.OpenApiMerger.Part;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole API's OpenAPI document: the documents of every {@link OpenApiSource}, fetched side by
 * side and merged ({@link OpenApiMerger}), then kept a while ({@code keepFor}, 30 s by default).
 * A part that fails, or does not answer within {@code timeout}, is left out and named in
 * {@value OpenApiMerger#MISSING_SERVICES}: the document never fails because a service is down.
 * A document that misses a part is kept at most {@link #INCOMPLETE_FOR}, so the part comes back
 * soon after its service does, while a service that is down is still asked only that often.
 */
public class WholeApiDocument {

    /** How long at most a document that misses a part is kept. */
    static final Duration INCOMPLETE_FOR = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(WholeApiDocument.class);

    private final List<OpenApiSource> sources;
    private final OpenApiMerger merger;
    private final Duration timeout;
    private final Duration keepFor;
    private final Clock clock;
    private final AtomicReference<Kept> kept = new AtomicReference<>();

    /**
     * @param sources the parts, in order of precedence (the first keeps a component's name)
     * @param timeout how long each part may take
     * @param keepFor how long a complete document is served before it is assembled again
     */
    public WholeApiDocument(List<OpenApiSource> sources, OpenApiMerger merger, Duration timeout, Duration keepFor,
                            Clock clock) {
        this.sources = List.copyOf(sources);
        this.merger = merger;
        this.timeout = timeout;
        this.keepFor = keepFor;
        this.clock = clock;
    }

    /** The merged document; requests while it is being assembled share that assembly. */
    public Mono<Assembled> document(ServerHttpRequest request) {
        while (true) {
            Kept current = kept.get();
            if (current != null && current.freshAt(clock.instant())) {
                return current.assembled;
            }
            Kept next = new Kept(request);
            if (kept.compareAndSet(current, next)) {
                return next.assembled;
            }
        }
    }

    /** Forgets the document kept: the next request assembles it afresh. */
    public void forget() {
        kept.set(null);
    }

    private Mono<Assembled> assemble(ServerHttpRequest request) {
        return Flux.fromIterable(sources)
                .flatMapSequential(source -> fetch(source, request))
                .collectList()
                .map(fetched -> {
                    var parts = fetched.stream().filter(part -> part.document() != null)
                            .map(part -> new Part(part.name(), part.document())).toList();
                    var missing = fetched.stream().filter(Fetched::missing).map(Fetched::name).toList();
                    ObjectNode document = merger.merge(parts, missing);
                    return new Assembled(document, OpenApiJson.write(document), missing);
                });
    }

    private Mono<Fetched> fetch(OpenApiSource source, ServerHttpRequest request) {
        return Mono.defer(() -> source.document(request))
                .timeout(timeout)
                .map(document -> new Fetched(source.name(), document, false))
                .defaultIfEmpty(new Fetched(source.name(), null, false))
                .onErrorResume(error -> {
                    LOG.warn("The whole API's OpenAPI document goes without {}'s for now: {}", source.name(),
                            Objects.requireNonNullElse(error.getMessage(), error.getClass().getSimpleName()));
                    return Mono.just(new Fetched(source.name(), null, true));
                });
    }

    /**
     * @param document the merged document
     * @param json     the same, as served
     * @param missing  the parts it goes without
     */
    public record Assembled(ObjectNode document, String json, List<String> missing) {

        public boolean complete() {
            return missing.isEmpty();
        }
    }

    private record Fetched(String name, ObjectNode document, boolean missing) {
    }

    /** A document being assembled (fresh until it is) or assembled. */
    private final class Kept {

        private final Mono<Assembled> assembled;
        private volatile Instant freshUntil = Instant.MAX;

        Kept(ServerHttpRequest request) {
            assembled = assemble(request)
                    .doOnNext(document -> freshUntil = clock.instant()
                            .plus(document.complete() ? keepFor : min(keepFor, INCOMPLETE_FOR)))
                    .doOnError(error -> freshUntil = Instant.MIN)
                    .cache();
        }

        boolean freshAt(Instant now) {
            return now.isBefore(freshUntil);
        }

        private static Duration min(Duration one, Duration other) {
            return one.compareTo(other) <= 0 ? one : other;
        }
    }
}
