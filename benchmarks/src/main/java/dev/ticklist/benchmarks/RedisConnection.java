package dev.ticklist.benchmarks;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmark's own connection to a Redis it started (Lettuce, synchronous), for the readings it
 * takes ({@code INFO}, {@code SCAN}, {@code DBSIZE}). One connection per Redis, kept for the run: its
 * handshake ({@code HELLO}, {@code CLIENT SETINFO}) is over before the first reading, so from then on
 * the readings add only their own commands to Redis's statistics. It is not reconnected: a Redis
 * stopped at the end of a run stays stopped, and a new one on the same port gets a new connection.
 */
final class RedisConnection {

    private static final RedisClient CLIENT = RedisClient.create(
            ClientResources.builder().ioThreadPoolSize(1).computationThreadPoolSize(1).build());

    static {
        CLIENT.setOptions(ClientOptions.builder().autoReconnect(false).build());
    }

    private static final Map<Integer, StatefulRedisConnection<String, String>> BY_PORT = new ConcurrentHashMap<>();

    private RedisConnection() {
    }

    /** The commands of the Redis on {@code 127.0.0.1:port}, connecting on first use. */
    static RedisCommands<String, String> to(int port) {
        return BY_PORT.compute(port, (p, open) -> open != null && open.isOpen() ? open : connect(p)).sync();
    }

    private static StatefulRedisConnection<String, String> connect(int port) {
        try {
            return CLIENT.connect(RedisURI.Builder.redis("127.0.0.1", port).withTimeout(Duration.ofSeconds(10)).build());
        } catch (RedisConnectionException e) {
            throw new IllegalStateException("could not connect to Redis on port " + port, e);
        }
    }
}
