package dev.ticklist.progress.live;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the live progress streams of one instance.
 *
 * @param heartbeat       how often an idle stream gets a comment, so proxies keep it open and a
 *                        client that went away is noticed
 * @param streamTimeout   how long one stream lasts; the client's EventSource then reconnects
 * @param maxStreams      open streams per instance; more are refused with 503
 * @param maxQueuedEvents events waiting for one slow client; beyond that its stream is closed
 */
@Validated
@ConfigurationProperties("ticklist.progress.live")
public record LiveProgressProperties(Duration heartbeat, Duration streamTimeout,
                                     @Min(1) Integer maxStreams, @Min(1) Integer maxQueuedEvents) {

    public LiveProgressProperties {
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        streamTimeout = streamTimeout == null ? Duration.ofMinutes(30) : streamTimeout;
        maxStreams = maxStreams == null ? 1_000 : maxStreams;
        maxQueuedEvents = maxQueuedEvents == null ? 500 : maxQueuedEvents;
    }
}
