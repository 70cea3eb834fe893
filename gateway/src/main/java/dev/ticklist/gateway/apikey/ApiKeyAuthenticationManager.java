package dev.ticklist.gateway.apikey;

import dev.ticklist.gateway.problem.ProblemResponses;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;

/**
 * Looks the key's hash up in Redis (or among the keys found there in the last seconds,
 * {@link RecentKeys}). Malformed and unknown keys fail alike; a Redis outage is not
 * an authentication failure and surfaces as 503, and neither is a key table Redis lost and the
 * gateway is rebuilding ({@link ApiKeyTable}): 503 {@code keys-rebuilding}, never a false 401.
 */
public final class ApiKeyAuthenticationManager implements ReactiveAuthenticationManager {

    static final String RETRY_AFTER_SECONDS = "2";

    private final ApiKeyStore store;
    private final ApiKeyTable table;

    public ApiKeyAuthenticationManager(ApiKeyStore store, ApiKeyTable table) {
        this.store = store;
        this.table = table;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication presented) {
        return Mono.justOrEmpty(ApiKeySecret.parse((String) presented.getCredentials()))
                .flatMap(secret -> find(secret.sha256()))
                .<Authentication>map(ApiKeyAuthentication::new)
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("unknown or malformed API key")));
    }

    /** The key with this hash, if it works: empty when unknown or revoked, an error while keys are rebuilt. */
    public Mono<ApiKeyEntry> find(String sha256) {
        var recent = store.recentlyFound(sha256);
        if (recent.isPresent()) {
            return Mono.just(recent.get());
        }
        // Both in one round trip on Lettuce's shared connection.
        return Mono.zip(store.find(sha256).map(Optional::of).defaultIfEmpty(Optional.empty()), table.isComplete())
                .flatMap(found -> found.getT2() ? Mono.justOrEmpty(found.getT1()) : Mono.error(rebuilding()));
    }

    public static ErrorResponseException rebuilding() {
        var problem = ProblemResponses.error(HttpStatus.SERVICE_UNAVAILABLE, "keys-rebuilding",
                "the gateway is restoring its API keys after its key store lost them; retry in a few seconds");
        problem.getHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
        return problem;
    }
}
