package dev.ticklist.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Paths whose endpoint reads its body as a stream, within limits of its own (an import):
 * {@code ticklist.http.streamed-paths}. Filters that would hold a body in memory (the size limit,
 * idempotency keys) leave these requests alone.
 */
public final class StreamedPaths {

    private final List<PathPattern> patterns;

    public StreamedPaths(List<String> paths) {
        this.patterns = paths.stream().filter(path -> !path.isBlank())
                .map(PathPatternParser.defaultInstance::parse).toList();
    }

    public boolean matches(HttpServletRequest request) {
        if (patterns.isEmpty()) {
            return false;
        }
        var path = PathContainer.parsePath(request.getRequestURI());
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }
}
