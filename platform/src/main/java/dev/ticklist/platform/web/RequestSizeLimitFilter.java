package dev.ticklist.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit with 413 before anything reads them. A body sent without
 * a length is refused as well when it turns out longer than the limit. Paths whose endpoint reads
 * its body as a stream, within limits of its own (an import), are left to it.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final StreamedPaths streamed;

    public RequestSizeLimitFilter(long maxBytes, StreamedPaths streamed) {
        this.maxBytes = maxBytes;
        this.streamed = streamed;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return streamed.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > maxBytes) {
            refuse(response);
            return;
        }
        if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
            var buffered = ReplayableRequest.readUpTo(request, maxBytes);
            if (buffered.body().length > maxBytes) {
                refuse(response);
                return;
            }
            chain.doFilter(buffered, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response) throws IOException {
        ProblemResponses.write(response, HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                "the request body is over the limit of " + maxBytes + " bytes");
    }
}
