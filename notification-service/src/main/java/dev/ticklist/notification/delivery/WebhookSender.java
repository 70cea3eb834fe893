package dev.ticklist.notification.delivery;

import dev.ticklist.notification.WebhookProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * POSTs one webhook request. Redirects are not followed (one counts as a failure), no proxy is
 * used (the guard checked the address we connect to), the whole attempt is bounded by the
 * attempt timeout, at most 4 KiB of the answer is read, and 256 bytes of it kept.
 */
@Component
class WebhookSender implements AutoCloseable {

    static final int MAX_RESPONSE_BYTES = 4 * 1024;
    /** What the delivery log keeps of an answer. */
    static final int EXCERPT_BYTES = 256;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    private final HttpClient client;
    private final Duration timeout;

    WebhookSender(WebhookProperties properties) {
        this.timeout = properties.attemptTimeout();
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    AttemptResult post(URI url, Map<String, String> headers, String body) {
        var request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        long started = System.nanoTime();
        var response = client.sendAsync(request.build(), LimitedBodySubscriber.handler(MAX_RESPONSE_BYTES));
        try {
            HttpResponse<byte[]> answer = response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            int status = answer.statusCode();
            Outcome outcome = status >= 200 && status < 300 ? Outcome.DELIVERED : Outcome.REJECTED;
            Optional<Duration> retryAfter = status == 429 || status == 503
                    ? RetryAfter.parse(answer.headers().firstValue("retry-after").orElse(null), Instant.now())
                    : Optional.empty();
            return new AttemptResult(outcome, status, since(started), excerpt(answer.body()), retryAfter);
        } catch (TimeoutException e) {
            response.cancel(true);
            return AttemptResult.failed(Outcome.TIMEOUT, since(started), "no answer within " + timeout);
        } catch (ExecutionException e) {
            Outcome outcome = e.getCause() instanceof HttpTimeoutException ? Outcome.TIMEOUT : Outcome.UNREACHABLE;
            LOG.debug("{} could not be reached: {}", url.getHost(), describe(e.getCause()));
            return AttemptResult.failed(outcome, since(started), describe(e.getCause()));
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while delivering a webhook", e);
        }
    }

    /** The start of the answer as text, for the delivery log; null for an empty one. */
    private static String excerpt(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        String text = new String(body, 0, Math.min(body.length, EXCERPT_BYTES), StandardCharsets.UTF_8);
        return text.replaceAll("\\p{Cntrl}", " ").strip();
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static String describe(Throwable error) {
        return error instanceof IOException && error.getMessage() != null
                ? error.getClass().getSimpleName() + ": " + error.getMessage()
                : String.valueOf(error);
    }

    @Override
    public void close() {
        client.close();
    }
}
