package dev.ticklist.progress.live;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * This instance's Redis subscriptions: one per channel, shared by every stream of that channel,
 * subscribed when its first stream opens and unsubscribed when its last closes. Subscribing and
 * unsubscribing happen on one thread, in the order asked, as the listener container wants.
 */
final class ChannelSubscriptions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelSubscriptions.class);

    private static final long RENEW_SECONDS = 2;

    private final RedisMessageListenerContainer container;
    private final LiveListeners listeners;
    private final ScheduledExecutorService changes = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("progress-live-subscriptions").daemon().factory());
    /** Only touched on the {@link #changes} thread. */
    private final Map<String, Channel> channels = new HashMap<>();
    private volatile int subscribed;

    ChannelSubscriptions(RedisMessageListenerContainer container, LiveListeners listeners) {
        this.container = container;
        this.listeners = listeners;
        changes.scheduleWithFixedDelay(this::renew, RENEW_SECONDS, RENEW_SECONDS, TimeUnit.SECONDS);
    }

    /** Keeps this instance counted as listening while it has streams. */
    private void renew() {
        if (channels.isEmpty()) {
            return;
        }
        try {
            listeners.listening();
        } catch (RuntimeException e) {
            LOG.warn("could not renew this instance's live listening: {}", e.toString());
        }
    }

    /** Completes once the stream receives its channel's messages; fails when Redis cannot subscribe. */
    CompletableFuture<Void> join(ProgressStream stream) {
        return CompletableFuture.runAsync(() -> {
            var channel = channels.get(stream.channel());
            if (channel == null) {
                channel = new Channel(stream.channel());
                var topic = ChannelTopic.of(stream.channel());
                try {
                    container.addMessageListener(channel, topic);
                } catch (RuntimeException e) {
                    container.removeMessageListener(channel, topic);
                    throw e;
                }
                channels.put(stream.channel(), channel);
                subscribed = channels.size();
            }
            channel.streams.add(stream);
            // Before the stream counts as open: publishers skip announcing while nobody listens.
            listeners.listening();
        }, changes);
    }

    void leave(ProgressStream stream) {
        changes.execute(() -> {
            var channel = channels.get(stream.channel());
            if (channel == null || !channel.streams.remove(stream) || !channel.streams.isEmpty()) {
                return;
            }
            channels.remove(stream.channel());
            subscribed = channels.size();
            if (channels.isEmpty()) {
                try {
                    listeners.quiet();
                } catch (RuntimeException e) {
                    LOG.warn("could not end this instance's live listening: {}", e.toString());
                }
            }
            try {
                container.removeMessageListener(channel, ChannelTopic.of(stream.channel()));
            } catch (RuntimeException e) {
                LOG.warn("could not unsubscribe from {}: {}", stream.channel(), e.toString());
            }
        });
    }

    int subscribedChannels() {
        return subscribed;
    }

    @Override
    public void close() {
        changes.shutdownNow();
    }

    /** Turns each message into one event, built once and sent to every stream of the channel. */
    private static final class Channel implements MessageListener {

        private final String name;
        private final Set<ProgressStream> streams = ConcurrentHashMap.newKeySet();

        Channel(String name) {
            this.name = name;
        }

        @Override
        public void onMessage(Message message, byte[] pattern) {
            Set<DataWithMediaType> event;
            try {
                var change = LiveProgressPublisher.JSON.readValue(message.getBody(), ProgressChange.class);
                event = SseEmitter.event().name("progress").id(change.position())
                        .data(LiveProgressPublisher.JSON.writeValueAsString(change), MediaType.APPLICATION_JSON)
                        .build();
            } catch (RuntimeException e) {
                LOG.warn("ignored an unreadable message on {}: {}", name, e.toString());
                return;
            }
            streams.forEach(stream -> stream.offer(event));
        }
    }
}
