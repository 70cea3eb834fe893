package dev.ticklist.testsupport;

import java.util.List;
import java.util.Map;

/**
 * One identity key pair per test JVM, as the gateway and services are configured with. Every
 * test context gets both keys, so a test can mint the tokens the gateway would hand on with the
 * context's own {@code IdentityTokens}.
 */
public final class TestIdentityKeys {

    private static final IdentityKeyPair PAIR = IdentityKeyPair.generate();

    private TestIdentityKeys() {
    }

    /** As Spring properties. */
    public static Map<String, Object> properties() {
        return Map.of("ticklist.identity.public-key", PAIR.publicKey(), "ticklist.identity.private-key", PAIR.privateKey());
    }

    /** As command-line arguments of a Spring application. */
    public static List<String> arguments() {
        return List.of("--ticklist.identity.public-key=" + PAIR.publicKey(),
                "--ticklist.identity.private-key=" + PAIR.privateKey());
    }
}
