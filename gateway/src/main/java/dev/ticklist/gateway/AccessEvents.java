package dev.ticklist.gateway;

import dev.ticklist.events.Topics;
import dev.ticklist.events.access.AccessEvent;
import dev.ticklist.platform.kafka.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Records a change of access (a key, a share link) the one way the gateway does: the event first,
 * acknowledged by the broker (Kafka is the record), then this instance's Redis entry, so the change
 * works here at once; every other instance gets it from the topic.
 */
@Component
public class AccessEvents {

    private static final Logger LOG = LoggerFactory.getLogger(AccessEvents.class);

    private final EventPublisher publisher;

    public AccessEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * Something new (a key, a link): once the event is acknowledged it exists, so a failing Redis
     * write is logged, not an error; the topic follower writes the entry.
     *
     * @param eventId the event's stable id: the new thing's id
     */
    public Mono<Void> created(String eventId, AccessEvent event, Mono<Void> writeHere) {
        return publish(eventId, event).then(writeHere.onErrorResume(error -> {
            LOG.warn("{} is published but not yet in Redis: {}", eventId, error.toString());
            return Mono.empty();
        }));
    }

    /** Something ended (a revocation): if Redis fails here, the caller hears it; the follower catches up. */
    public Mono<Void> ended(AccessEvent event, Mono<Void> writeHere) {
        return publish(null, event).then(writeHere);
    }

    // The publisher blocks until the broker acknowledges; keep that off the event loop.
    private Mono<Void> publish(String eventId, AccessEvent event) {
        return Mono.fromCallable(() -> eventId == null
                        ? publisher.publish(Topics.ACCESS, event)
                        : publisher.publish(Topics.ACCESS, eventId, event))
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }
}
