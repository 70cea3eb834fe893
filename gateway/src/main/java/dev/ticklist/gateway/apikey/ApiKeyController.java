package dev.ticklist.gateway.apikey;

import dev.ticklist.gateway.problem.ProblemResponses;
import dev.ticklist.platform.identity.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * An organisation's API keys, served by the gateway itself: issued with the scopes asked for
 * (the key is shown once), listed by id and prefix, revoked. The caller's key needs the admin
 * scope, and only ever sees its own organisation's keys.
 */
@Tag(name = "API keys", description = "The organisation's API keys")
@RestController
@RequestMapping("/api/v1/keys")
class ApiKeyController {

    private final ApiKeyIssuer issuer;
    private final ApiKeyStore store;

    ApiKeyController(ApiKeyIssuer issuer, ApiKeyStore store) {
        this.issuer = issuer;
        this.store = store;
    }

    @Operation(operationId = "createApiKey", summary = "Issue a new API key")
    @PostMapping
    Mono<ResponseEntity<NewApiKeyAnswer>> issue(@AuthenticationPrincipal ApiKeyEntry caller,
                                                @RequestBody(required = false) NewApiKeyRequest request) {
        Set<Scope> scopes = scopesOf(request);
        return issuer.issue(caller.organisationId(), scopes)
                .map(NewApiKeyAnswer::of)
                .map(answer -> ResponseEntity.created(URI.create("/api/v1/keys/" + answer.id())).body(answer));
    }

    @Operation(operationId = "listApiKeys", summary = "List the organisation's API keys, without their secrets")
    @GetMapping
    Mono<ApiKeyList> list(@AuthenticationPrincipal ApiKeyEntry caller) {
        return store.list(caller.organisationId())
                .map(ApiKeyView::of)
                .sort(Comparator.comparing(ApiKeyView::issuedAt))
                .collectList()
                .map(ApiKeyList::new);
    }

    /** Revoking the key that makes the call is allowed: it is the way to retire a leaked one. */
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key")
    @DeleteMapping("/{keyId}")
    Mono<ResponseEntity<Void>> revoke(@AuthenticationPrincipal ApiKeyEntry caller, @PathVariable String keyId) {
        return store.find(caller.organisationId(), keyId)
                .switchIfEmpty(Mono.error(() -> problem(HttpStatus.NOT_FOUND, "there is no API key " + keyId)))
                .flatMap(key -> issuer.revoke(caller.organisationId(), key))
                .thenReturn(ResponseEntity.noContent().build());
    }

    private static Set<Scope> scopesOf(NewApiKeyRequest request) {
        if (request == null || request.scopes() == null || request.scopes().isEmpty()) {
            throw problem(HttpStatus.BAD_REQUEST, "scopes must name one or more of read, write, admin");
        }
        var scopes = EnumSet.noneOf(Scope.class);
        for (String value : request.scopes()) {
            Scope scope = ApiKeyEntry.KEY_SCOPES.stream()
                    .filter(candidate -> candidate.value().equals(value == null ? "" : value.toLowerCase(Locale.ROOT)))
                    .findFirst()
                    .orElseThrow(() -> problem(HttpStatus.BAD_REQUEST,
                            "unknown scope '" + value + "'; a key carries one or more of read, write, admin"));
            scopes.add(scope);
        }
        return scopes;
    }

    private static ResponseStatusException problem(HttpStatus status, String detail) {
        var exception = new ResponseStatusException(status, detail);
        exception.getBody().setType(URI.create(ProblemResponses.TYPE_PREFIX
                + (status == HttpStatus.NOT_FOUND ? "not-found" : "invalid-request")));
        return exception;
    }
}
