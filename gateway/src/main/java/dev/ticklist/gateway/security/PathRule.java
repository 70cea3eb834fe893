package dev.ticklist.gateway.security;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Path patterns (and a method) matched as Spring Security's {@code pathMatchers} match them — the
 * same parser, the path within the application, the method compared exactly — but decided at
 * once: {@code pathMatchers} answers through a chain of eight Reactor operators and a logging
 * check per pattern, and the gateway asks several per request (docs/benchmarks.md,
 * "Session 17"). {@code PathRuleTest} compares the two.
 */
public final class PathRule implements ServerWebExchangeMatcher {

    private static final Mono<MatchResult> MATCH = MatchResult.match();
    private static final Mono<MatchResult> NO_MATCH = MatchResult.notMatch();

    private final HttpMethod method;
    private final List<PathPattern> patterns;

    private PathRule(HttpMethod method, String... patterns) {
        this.method = method;
        this.patterns = Stream.of(patterns)
                .map(pattern -> PathPatternParser.defaultInstance.parse(PathPatternParser.defaultInstance.initFullPathPattern(pattern)))
                .toList();
    }

    public static PathRule of(String... patterns) {
        return new PathRule(null, patterns);
    }

    public static PathRule of(HttpMethod method, String... patterns) {
        return new PathRule(method, patterns);
    }

    public boolean test(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        if (method != null && !method.equals(request.getMethod())) {
            return false;
        }
        var path = request.getPath().pathWithinApplication();
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        return test(exchange) ? MATCH : NO_MATCH;
    }
}
