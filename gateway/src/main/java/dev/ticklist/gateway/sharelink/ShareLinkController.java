package dev.ticklist.gateway.sharelink;

import dev.ticklist.gateway.apikey.ApiKeyEntry;
import dev.ticklist.gateway.problem.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.util.Comparator;
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
import reactor.core.publisher.Mono;

/**
 * An organisation's share links, managed like its API keys (the admin scope): made for one cohort
 * or one learner of it, with an expiry; listed without their tokens; revoked at once.
 */
@Tag(name = "Share links", description = "Read-only links to a cohort's or a learner's dashboard")
@RestController
@RequestMapping("/api/v1/share-links")
class ShareLinkController {

    private final ShareLinks links;
    private final ShareLinkStore store;
    private final CohortMembers members;
    private final Clock clock;

    ShareLinkController(ShareLinks links, ShareLinkStore store, CohortMembers members, Clock clock) {
        this.links = links;
        this.store = store;
        this.members = members;
        this.clock = clock;
    }

    @Operation(operationId = "createShareLink", summary = "Make a share link to a cohort or a learner",
            description = "The token is in the answer this once; `path` opens it in the dashboard.")
    @PostMapping
    Mono<ResponseEntity<CreatedShareLink>> create(@AuthenticationPrincipal ApiKeyEntry caller,
                                                  @RequestBody(required = false) NewShareLink request) {
        if (request == null) {
            throw NewShareLink.invalid("send {\"cohortId\", \"learnerId\"?, \"access\"?, \"expiresAt\"?, \"label\"?}");
        }
        var valid = request.validate(clock.instant());
        return members.require(caller.organisationId(), valid.cohortId(), valid.learnerId())
                .then(links.create(caller.organisationId(), valid))
                .map(created -> ResponseEntity.created(URI.create("/api/v1/share-links/" + created.id()))
                        .body(created));
    }

    @Operation(operationId = "listShareLinks", summary = "The organisation's share links, without their tokens")
    @GetMapping
    Mono<ShareLinkView.Listed> list(@AuthenticationPrincipal ApiKeyEntry caller) {
        var now = clock.instant();
        return store.list(caller.organisationId())
                .map(link -> ShareLinkView.of(link, now))
                .sort(Comparator.comparing(ShareLinkView::createdAt))
                .collectList()
                .map(ShareLinkView.Listed::new);
    }

    @Operation(operationId = "revokeShareLink", summary = "Revoke a share link and end every session opened with it")
    @DeleteMapping("/{linkId}")
    Mono<ResponseEntity<Void>> revoke(@AuthenticationPrincipal ApiKeyEntry caller, @PathVariable String linkId) {
        return store.find(caller.organisationId(), linkId)
                .switchIfEmpty(Mono.error(() -> ProblemResponses.error(HttpStatus.NOT_FOUND, "not-found",
                        "there is no share link " + linkId)))
                .flatMap(links::revoke)
                .thenReturn(ResponseEntity.noContent().build());
    }
}
