package dev.ticklist.testsupport;

import dev.ticklist.testsupport.docker.ContainerInfrastructure;
import dev.ticklist.testsupport.local.LocalInfrastructure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Kafka broker and Redis server. {@link #shared()} starts one of each per JVM on
 * first use and stops them when the JVM exits; tests keep apart by their own topics and keys.
 */
public interface Infrastructure extends AutoCloseable {

    /** {@code host:port} of the broker, always on loopback. */
    String kafkaBootstrapServers();

    String redisHost();

    int redisPort();

    /** Which implementation runs, for logs and reports. */
    String description();

    default String redisUrl() {
        return "redis://" + redisHost() + ":" + redisPort();
    }

    @Override
    void close();

    static Infrastructure shared() {
        return Shared.INSTANCE;
    }

    /** Starts a new broker and Redis, owned by the caller. */
    static Infrastructure start(InfrastructureMode mode) {
        return switch (mode) {
            case DOCKER -> ContainerInfrastructure.start();
            case LOCAL -> LocalInfrastructure.start();
            case AUTO -> ContainerInfrastructure.dockerAvailable()
                    ? ContainerInfrastructure.start()
                    : LocalInfrastructure.start();
        };
    }

    final class Shared {
        private static final Logger LOG = LoggerFactory.getLogger(Infrastructure.class);
        static final Infrastructure INSTANCE = startShared();

        private static Infrastructure startShared() {
            Infrastructure infrastructure = start(InfrastructureMode.configured());
            LOG.info("Shared test infrastructure: {}", infrastructure.description());
            Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::close, "infrastructure-stop"));
            return infrastructure;
        }

        private Shared() {
        }
    }
}
