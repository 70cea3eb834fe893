package dev.ticklist.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import reactor.netty.ReactorNetty;

/**
 * The public entry point: authenticates API keys, hands the services a signed identity, routes,
 * and serves the platform operator's admin API.
 */
// No user store: callers are API keys and the admin key, never users with passwords.
@SpringBootApplication(exclude = ReactiveUserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        oneEventLoopPerCore();
        SpringApplication.run(GatewayApplication.class, args);
    }

    /**
     * Reactor Netty starts at least four event loops, shared by the server and the routes' client;
     * on fewer cores the extra loops only take turns on them (docs/benchmarks.md, "Session 21").
     * A {@code -Dreactor.netty.ioWorkerCount} given to the JVM still decides.
     */
    static void oneEventLoopPerCore() {
        if (System.getProperty(ReactorNetty.IO_WORKER_COUNT) == null) {
            System.setProperty(ReactorNetty.IO_WORKER_COUNT, Integer.toString(Runtime.getRuntime().availableProcessors()));
        }
    }
}
