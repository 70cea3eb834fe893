package dev.ticklist.testsupport;

import java.util.Optional;

/**
 * The tier of tests a JVM runs. Surefire runs the unit tier ({@code ./mvnw test}: {@code *Test})
 * with {@value #PROPERTY}{@code =unit}, and there nothing starts a broker, Redis, a service, a
 * browser or a container: a test that needs one is an integration test, named {@code *IT}, which
 * failsafe runs ({@code ./mvnw verify}). Everything here that starts one asks first, so a test in
 * the wrong tier fails at once, saying so, instead of quietly making the fast tier slow.
 */
public final class TestTier {

    public static final String PROPERTY = "ticklist.test-tier";

    private TestTier() {
    }

    /** Refuses, in the unit tier, to start {@code what} (for example "a Kafka broker"). */
    public static void requireIntegration(String what) {
        if (!"unit".equals(System.getProperty(PROPERTY))) {
            return;
        }
        String test = callingTest().map(name -> name + " is a unit test (*Test) but starts ").orElse("A unit test starts ");
        throw new IllegalStateException(test + what + ": a test that needs a real broker, Redis, service, browser or"
                + " container is an integration test; name it *IT so that failsafe runs it (./mvnw verify)");
    }

    private static Optional<String> callingTest() {
        return StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .map(name -> name.contains("$") ? name.substring(0, name.indexOf('$')) : name)
                .filter(name -> name.endsWith("Test") || name.endsWith("Tests"))
                .findFirst());
    }
}
