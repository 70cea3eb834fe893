package dev.ticklist.gateway.admin;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The platform operator's API, served by the gateway itself behind the admin key. */
@RestController
@RequestMapping("/admin/v1/organisations")
class OrganisationAdminController {

    private final OrganisationOnboarding onboarding;

    OrganisationAdminController(OrganisationOnboarding onboarding) {
        this.onboarding = onboarding;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<CreatedOrganisation> create(@Valid @RequestBody NewOrganisation request) {
        return onboarding.onboard(request.name());
    }
}
