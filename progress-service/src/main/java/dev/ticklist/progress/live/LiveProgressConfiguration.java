package dev.ticklist.progress.live;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Live progress fans out through Redis pub/sub, not in memory: the instance that applies an
 * event is seldom the one holding the client's connection.
 */
@Configuration
@EnableConfigurationProperties(LiveProgressProperties.class)
class LiveProgressConfiguration {

    @Bean
    LiveListeners liveListeners(StringRedisTemplate redis) {
        return new LiveListeners(redis);
    }

    @Bean
    LiveProgressPublisher liveProgressPublisher(StringRedisTemplate redis, LiveListeners listeners,
                                                MeterRegistry meters) {
        return new LiveProgressPublisher(redis, listeners, meters);
    }

    /**
     * Messages are dispatched on the connection's own thread, in the order Redis delivered them:
     * the listeners only queue them on their streams, which write on threads of their own.
     */
    @Bean
    RedisMessageListenerContainer liveProgressListenerContainer(RedisConnectionFactory connections) {
        var container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.setTaskExecutor(Runnable::run);
        return container;
    }

    @Bean
    ChannelSubscriptions liveProgressSubscriptions(
            @Qualifier("liveProgressListenerContainer") RedisMessageListenerContainer container,
            LiveListeners listeners) {
        return new ChannelSubscriptions(container, listeners);
    }

    @Bean
    ProgressStreams progressStreams(ChannelSubscriptions subscriptions, LiveProgressProperties properties,
                                    MeterRegistry meters) {
        return new ProgressStreams(subscriptions, properties, meters);
    }
}
