package dev.ticklist.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LimitedBodySubscriberTest {

    @Test
    void readsNoMoreThanTheLimitAndCancelsTheRest() {
        var cancelled = new AtomicBoolean();
        var subscriber = new LimitedBodySubscriber(4096);
        subscriber.onSubscribe(subscription(cancelled));

        subscriber.onNext(List.of(ByteBuffer.wrap(new byte[3000])));
        subscriber.onNext(List.of(ByteBuffer.wrap(new byte[3000]), ByteBuffer.wrap(new byte[3000])));

        assertThat(cancelled).isTrue();
        assertThat(subscriber.getBody().toCompletableFuture().join()).hasSize(4096);
    }

    @Test
    void aShortAnswerIsReadWhole() {
        var subscriber = new LimitedBodySubscriber(4096);
        subscriber.onSubscribe(subscription(new AtomicBoolean()));
        subscriber.onNext(List.of(ByteBuffer.wrap("ok".getBytes())));
        subscriber.onComplete();

        assertThat(subscriber.getBody().toCompletableFuture().join()).asString().isEqualTo("ok");
    }

    private static Flow.Subscription subscription(AtomicBoolean cancelled) {
        return new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
                cancelled.set(true);
            }
        };
    }
}
