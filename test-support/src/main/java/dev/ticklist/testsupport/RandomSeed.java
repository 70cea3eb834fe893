package dev.ticklist.testsupport;

import java.security.SecureRandom;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The seed of a test class's random choices: new each run, or the one given with
 * {@code -D}{@value #PROPERTY}{@code =<seed>} to replay a run. It is printed when the class starts
 * and put at the head of the message of anything that fails in it (a test or a lifecycle method),
 * so that a failure says how to replay it:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RandomSeed SEED = new RandomSeed();
 * ... new Random(SEED.value()) ...
 * }</pre>
 */
public final class RandomSeed implements BeforeAllCallback, TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {

    public static final String PROPERTY = "ticklist.seed";

    private final long value;

    public RandomSeed() {
        String given = System.getProperty(PROPERTY);
        this.value = given == null || given.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(given.strip());
    }

    public long value() {
        return value;
    }

    /** What a failure is prefixed with: the seed and how to run with it again. */
    public String replay() {
        return "random seed " + value + " (replay: -D" + PROPERTY + "=" + value + ")";
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        System.out.println(context.getDisplayName() + ": " + replay());
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw named(failure);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw named(failure);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw named(failure);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw named(failure);
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw named(failure);
    }

    /** The failure with the seed at the head of its message; the original is its cause, whole. */
    private Throwable named(Throwable failure) {
        if (failure instanceof TestAbortedException || String.valueOf(failure.getMessage()).startsWith(replay())) {
            return failure;
        }
        if (failure instanceof AssertionFailedError assertion && assertion.isExpectedDefined() && assertion.isActualDefined()) {
            return new AssertionFailedError(replay() + ": " + assertion.getMessage(),
                    assertion.getExpected().getValue(), assertion.getActual().getValue(), failure);
        }
        return new AssertionError(replay() + ": " + failure, failure);
    }
}
