package dev.ticklist.progress.live;

import java.io.IOException;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client's server-sent event stream. Events wait in the stream's own queue and are written
 * by one sender at a time, in order, so a slow client delays nobody but itself; a client that
 * falls {@code maxQueued} events behind is disconnected (its EventSource reconnects).
 */
final class ProgressStream {

    private final String channel;
    private final SseEmitter emitter;
    private final Executor senders;
    private final int maxQueued;
    private final Queue<Set<DataWithMediaType>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Consumer<ProgressStream> onClose;

    ProgressStream(String channel, SseEmitter emitter, Executor senders, int maxQueued,
                   Consumer<ProgressStream> onClose) {
        this.channel = channel;
        this.emitter = emitter;
        this.senders = senders;
        this.maxQueued = maxQueued;
        this.onClose = onClose;
        emitter.onCompletion(this::closed);
        emitter.onTimeout(this::complete);
        emitter.onError(error -> closed());
    }

    String channel() {
        return channel;
    }

    SseEmitter emitter() {
        return emitter;
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Queues an event; never blocks. */
    void offer(Set<DataWithMediaType> event) {
        if (closed.get()) {
            return;
        }
        if (queued.incrementAndGet() > maxQueued) {
            // Too slow. Ending the response waits for a write in progress, so not on this thread.
            closed();
            execute(this::complete);
            return;
        }
        queue.add(event);
        if (sending.compareAndSet(false, true)) {
            execute(this::send);
        }
    }

    /** Ends the stream normally; the client may reconnect. */
    void complete() {
        try {
            emitter.complete();
        } catch (RuntimeException ignored) {
            // Completed already, or the response is gone: either way it is over.
        }
        closed();
    }

    private void execute(Runnable task) {
        try {
            senders.execute(task);
        } catch (RejectedExecutionException stopping) {
            complete();
        }
    }

    private void send() {
        do {
            Set<DataWithMediaType> event;
            while ((event = queue.poll()) != null) {
                queued.decrementAndGet();
                if (closed.get()) {
                    continue;
                }
                try {
                    emitter.send(event);
                } catch (IOException | IllegalStateException e) {
                    // The client went away (or the stream completed meanwhile).
                    complete();
                }
            }
            sending.set(false);
        } while (!queue.isEmpty() && sending.compareAndSet(false, true));
    }

    private void closed() {
        if (closed.compareAndSet(false, true)) {
            queue.clear();
            onClose.accept(this);
        }
    }
}
