package dev.ticklist.testsupport;

import java.util.Locale;

/**
 * How the real Kafka and Redis are provided. Chosen by the system property
 * {@code ticklist.infrastructure} or the environment variable {@code TICKLIST_INFRASTRUCTURE}:
 * {@code auto} (the default) uses containers when a Docker engine answers and local
 * processes otherwise; {@code docker} and {@code local} force one.
 */
public enum InfrastructureMode {
    AUTO, DOCKER, LOCAL;

    public static final String PROPERTY = "ticklist.infrastructure";

    public static InfrastructureMode configured() {
        String value = System.getProperty(PROPERTY, System.getenv().getOrDefault("TICKLIST_INFRASTRUCTURE", "auto"));
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    PROPERTY + " must be auto, docker or local, not '" + value + "'", e);
        }
    }
}
