package dev.ticklist.notification.endpoint;

import dev.ticklist.platform.identity.Scope;
import dev.ticklist.platform.identity.Tenant;
import dev.ticklist.platform.web.Problems;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An organisation's webhook endpoints and their delivery log. Administrators only. */
@RestController
@RequestMapping("/api/v1/webhooks/endpoints")
class EndpointController {

    private final EndpointRegistration registration;
    private final WebhookEndpoints endpoints;

    EndpointController(EndpointRegistration registration, WebhookEndpoints endpoints) {
        this.registration = registration;
        this.endpoints = endpoints;
    }

    @PostMapping
    ResponseEntity<CreatedEndpoint> create(Tenant tenant, @Valid @RequestBody CreateEndpointRequest request) {
        requireAdmin(tenant);
        CreatedEndpoint created = registration.register(tenant.organisationId(), request);
        return ResponseEntity.created(URI.create("/api/v1/webhooks/endpoints/" + created.id())).body(created);
    }

    @GetMapping
    EndpointList list(Tenant tenant) {
        requireAdmin(tenant);
        return new EndpointList(endpoints.of(tenant.organisationId()).stream().map(EndpointView::of).toList());
    }

    @GetMapping("/{endpointId}")
    EndpointView get(Tenant tenant, @PathVariable String endpointId) {
        requireAdmin(tenant);
        return EndpointView.of(endpoint(tenant, endpointId));
    }

    @GetMapping("/{endpointId}/attempts")
    AttemptList attempts(Tenant tenant, @PathVariable String endpointId) {
        requireAdmin(tenant);
        WebhookEndpoint endpoint = endpoint(tenant, endpointId);
        return new AttemptList(endpoints.attempts(endpoint.organisationId(), endpoint.id()).stream()
                .map(AttemptView::of).toList());
    }

    private WebhookEndpoint endpoint(Tenant tenant, String endpointId) {
        return endpoints.find(tenant.organisationId(), endpointId)
                .orElseThrow(() -> Problems.notFound("there is no webhook endpoint " + endpointId));
    }

    /** The security chain lets every GET on /api/** through with read scope; webhooks are admin business. */
    private static void requireAdmin(Tenant tenant) {
        if (!tenant.has(Scope.ADMIN)) {
            throw Problems.forbidden("webhooks need an API key with the admin scope");
        }
    }
}
