package dev.ticklist.gateway.limits;

import dev.ticklist.gateway.problem.ProblemResponses;
import dev.ticklist.gateway.security.PathRule;
import dev.ticklist.gateway.security.VerifiedCaller;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over {@code ticklist.gateway.limits.max-request-body} with a 413 problem
 * ({@code body-too-large}, as the services' own {@code RequestSizeLimitFilter} does), and nothing
 * is forwarded. A {@code Content-Length} over the limit is refused at once, before the body is
 * read. A body without a length ({@code Transfer-Encoding: chunked}) is read into memory as it
 * arrives, up to the limit: once it goes over, 413; if it ends within the limit it is forwarded
 * whole, with its {@code Content-Length}, so a service never receives the start of a body that
 * would then be cut off. Either way the 413 closes the connection, since the rest of the body
 * is never read.
 *
 * <p>Not Spring Cloud Gateway's {@code RequestSize} filter: it looks at {@code Content-Length}
 * only (a chunked body of any size passes), answers with an empty body and an
 * {@code errorMessage} header rather than a problem document, and is per route, so it would not
 * cover the admin API.
 *
 * <p>The paths of {@code streamed-paths} (imports) are the exception: for a caller with a key
 * their bodies go to the service as they arrive, of any length, and the service reads them a
 * line at a time within its own limits.
 *
 * <p>Runs after Spring Security (-100) and the rate limit (0): only requests with a valid key get
 * their bodies read, a script on a dashboard origin gets the 413 with its CORS headers, and a
 * key over its allowance never makes the gateway buffer anything.
 */
@Component
public class RequestBodyLimit implements WebFilter, Ordered {

    static final int ORDER = 10;

    private final ProblemResponses problems;
    private final int maxBytes;
    private final PathRule streamed;

    public RequestBodyLimit(ProblemResponses problems, LimitsProperties properties) {
        this.problems = problems;
        this.maxBytes = (int) properties.maxRequestBody().toBytes();
        this.streamed = PathRule.of(properties.streamedPaths().stream().filter(path -> !path.isBlank())
                .toArray(String[]::new));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        if (streamed.test(exchange)) {
            return authenticated(exchange).flatMap(authenticated -> authenticated ? chain.filter(exchange) : refuse(exchange));
        }
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return refuse(exchange);
        }
        if (declared >= 0 || !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange); // a known length within the limit, or no body (HTTP/1.1)
        }
        // Only a caller who proved a key may make the gateway hold a body in memory; the paths open
        // to everyone take no bodies.
        return authenticated(exchange)
                .flatMap(authenticated -> !authenticated ? refuse(exchange)
                        : readUpToLimit(request).flatMap(body -> body.isPresent()
                                ? chain.filter(exchange.mutate().request(withBody(request, body.get())).build())
                                : refuse(exchange)));
    }

    private static Mono<Boolean> authenticated(ServerWebExchange exchange) {
        return Mono.just(VerifiedCaller.of(exchange).filter(Authentication::isAuthenticated).isPresent());
    }

    /** The whole body, or nothing if it is longer than the limit. */
    private Mono<Optional<byte[]>> readUpToLimit(ServerHttpRequest request) {
        return DataBufferUtils.join(request.getBody(), maxBytes)
                .map(RequestBodyLimit::bytes)
                .defaultIfEmpty(new byte[0])
                .map(Optional::of)
                .onErrorResume(DataBufferLimitException.class, tooLong -> Mono.just(Optional.empty()));
    }

    private static byte[] bytes(DataBuffer joined) {
        try {
            var bytes = new byte[joined.readableByteCount()];
            joined.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(joined);
        }
    }

    private static ServerHttpRequest withBody(ServerHttpRequest request, byte[] body) {
        var withLength = request.mutate().headers(headers -> {
            headers.remove(HttpHeaders.TRANSFER_ENCODING);
            headers.setContentLength(body.length);
        }).build();
        return new ServerHttpRequestDecorator(withLength) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
            }
        };
    }

    private Mono<Void> refuse(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                "the request body is over the limit of " + maxBytes + " bytes");
    }
}
