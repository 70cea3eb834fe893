package dev.ticklist.gateway.sharelink;

import dev.ticklist.gateway.GatewayProperties;
import dev.ticklist.gateway.problem.ProblemResponses;
import dev.ticklist.platform.identity.IdentityTokens;
import dev.ticklist.platform.identity.Scope;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Asks checklist-service, as the organisation, whether a cohort exists and a learner is enrolled
 * in it, so a link is never made to something that is not there.
 */
@Component
class CohortMembers {

    private static final String CHECKLIST_SERVICE = "checklist-service";

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** A cohort's list of learners: up to the directory's largest cohorts (a million ids). */
    static final int MAX_LEARNER_LIST_BYTES = 64 * 1024 * 1024;

    private final WebClient checklistService;
    private final IdentityTokens identityTokens;

    CohortMembers(WebClient.Builder webClients, GatewayProperties properties, IdentityTokens identityTokens) {
        this.checklistService = webClients.clone().baseUrl(properties.checklistUrl().toString())
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_LEARNER_LIST_BYTES))
                .build();
        this.identityTokens = identityTokens;
    }

    /** Completes when the cohort is the organisation's and the learner (if named) enrolled; else a 404 problem. */
    Mono<Void> require(String organisationId, String cohortId, String learnerId) {
        if (learnerId == null) {
            return read(organisationId, "/api/v1/cohorts/{cohortId}", cohortId, Cohort.class).then();
        }
        return read(organisationId, "/api/v1/cohorts/{cohortId}/learners", cohortId, Learners.class)
                .flatMap(learners -> learners.enrolled(learnerId)
                        ? Mono.empty()
                        : Mono.error(notFound("learner " + learnerId + " is not enrolled in cohort " + cohortId)));
    }

    private <T> Mono<T> read(String organisationId, String path, String cohortId, Class<T> answer) {
        return checklistService.get()
                .uri(path, cohortId)
                .headers(headers -> headers.setBearerAuth(identityTokens.issue(organisationId, Set.of(Scope.READ), CHECKLIST_SERVICE)))
                .exchangeToMono(response -> switch (response.statusCode().value()) {
                    case 200 -> response.bodyToMono(answer);
                    case 404 -> response.releaseBody().then(Mono.error(notFound("there is no cohort " + cohortId)));
                    default -> response.releaseBody().then(Mono.error(unavailable()));
                })
                .timeout(TIMEOUT)
                .onErrorMap(error -> !(error instanceof ErrorResponseException), error -> unavailable());
    }

    private static ErrorResponseException notFound(String detail) {
        return ProblemResponses.error(HttpStatus.NOT_FOUND, "not-found", detail);
    }

    private static ErrorResponseException unavailable() {
        return ProblemResponses.error(HttpStatus.SERVICE_UNAVAILABLE, "checklist-service-unavailable",
                "the cohort could not be checked just now; no link was made, retry later");
    }

    record Cohort(String id) {
    }

    record Learners(String cohortId, List<String> learnerIds) {

        boolean enrolled(String learnerId) {
            return learnerIds != null && learnerIds.contains(learnerId);
        }
    }
}
