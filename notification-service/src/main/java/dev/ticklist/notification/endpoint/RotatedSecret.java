package dev.ticklist.notification.endpoint;

import java.time.Instant;

/** The answer to a rotation: the only place the new secret is ever shown. */
public record RotatedSecret(String secret, Instant previousSecretExpiresAt) {
}
