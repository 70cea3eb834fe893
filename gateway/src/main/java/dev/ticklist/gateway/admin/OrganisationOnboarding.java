package dev.ticklist.gateway.admin;

import dev.ticklist.gateway.SecureRandomStrings;
import dev.ticklist.gateway.apikey.ApiKeyIssuer;
import dev.ticklist.platform.identity.Scope;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A new organisation: checklist-service records it in the directory, then the gateway issues its
 * first key with every scope. If the directory refuses, no key is issued.
 */
@Service
class OrganisationOnboarding {

    static final Set<Scope> FIRST_KEY_SCOPES = EnumSet.of(Scope.READ, Scope.WRITE, Scope.ADMIN);

    private static final Logger LOG = LoggerFactory.getLogger(OrganisationOnboarding.class);

    private final ChecklistDirectory directory;
    private final ApiKeyIssuer apiKeys;

    OrganisationOnboarding(ChecklistDirectory directory, ApiKeyIssuer apiKeys) {
        this.directory = directory;
        this.apiKeys = apiKeys;
    }

    Mono<CreatedOrganisation> onboard(String name) {
        String organisationId = newOrganisationId();
        return directory.createOrganisation(organisationId, name)
                .then(Mono.defer(() -> apiKeys.issue(organisationId, FIRST_KEY_SCOPES)))
                .doOnNext(key -> LOG.info("Organisation {} created with key {}", organisationId, key.entry().keyId()))
                .map(key -> CreatedOrganisation.of(organisationId, name, key));
    }

    /** {@code org_} and 20 base32 characters: 100 random bits. */
    static String newOrganisationId() {
        return "org_" + SecureRandomStrings.base32(20);
    }
}
