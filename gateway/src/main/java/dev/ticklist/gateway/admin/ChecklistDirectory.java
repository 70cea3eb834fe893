package dev.ticklist.gateway.admin;

import dev.ticklist.gateway.GatewayProperties;
import dev.ticklist.gateway.problem.ProblemResponses;
import dev.ticklist.platform.identity.IdentityTokens;
import dev.ticklist.platform.identity.Scope;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** checklist-service's directory, as the platform operator (scope {@code platform}) sees it. */
@Component
class ChecklistDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(ChecklistDirectory.class);
    private static final String CHECKLIST_SERVICE = "checklist-service";
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WebClient checklistService;
    private final IdentityTokens identityTokens;

    ChecklistDirectory(WebClient.Builder webClients, GatewayProperties properties, IdentityTokens identityTokens) {
        this.checklistService = webClients.clone().baseUrl(properties.checklistUrl().toString()).build();
        this.identityTokens = identityTokens;
    }

    /** Completes once checklist-service answered 201 Created; fails with a 502 or 503 problem otherwise. */
    Mono<Void> createOrganisation(String organisationId, String name) {
        return checklistService.post()
                .uri("/internal/organisations")
                .headers(headers -> headers.setBearerAuth(identityTokens.issue(organisationId, Set.of(Scope.PLATFORM), CHECKLIST_SERVICE)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new Organisation(organisationId, name))
                .exchangeToMono(response -> response.releaseBody().then(response.statusCode().value() == 201
                        ? Mono.<Void>empty()
                        : Mono.error(refused(response.statusCode()))))
                .timeout(TIMEOUT)
                .onErrorMap(error -> !(error instanceof ErrorResponseException), ChecklistDirectory::unreachable);
    }

    private static ErrorResponseException refused(HttpStatusCode status) {
        LOG.warn("checklist-service answered {} to creating an organisation", status.value());
        return error(HttpStatus.BAD_GATEWAY, "checklist-service-refused",
                "checklist-service did not create the organisation (it answered " + status.value()
                        + "); no API key was issued");
    }

    private static ErrorResponseException unreachable(Throwable cause) {
        LOG.warn("checklist-service unreachable while creating an organisation: {}", cause.toString());
        return error(HttpStatus.SERVICE_UNAVAILABLE, "checklist-service-unavailable",
                "checklist-service could not be reached; no API key was issued, retry later");
    }

    private static ErrorResponseException error(HttpStatus status, String code, String detail) {
        return ProblemResponses.error(status, code, detail);
    }

    /** The body of checklist-service's {@code POST /internal/organisations}. */
    record Organisation(String organisationId, String name) {
    }
}
