package dev.ticklist.notification.endpoint;

import dev.ticklist.platform.identity.Tenant;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An organisation's webhook endpoints. Administrators only. */
@RestController
@RequestMapping("/api/v1/webhooks/endpoints")
class EndpointController {

    private final EndpointCommands commands;
    private final WebhookEndpoints endpoints;
    private final EndpointAccess access;
    private final Clock clock;

    EndpointController(EndpointCommands commands, WebhookEndpoints endpoints, EndpointAccess access, Clock clock) {
        this.commands = commands;
        this.endpoints = endpoints;
        this.access = access;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<CreatedEndpoint> create(Tenant tenant, @Valid @RequestBody CreateEndpointRequest request) {
        access.requireAdmin(tenant);
        CreatedEndpoint created = commands.register(tenant.organisationId(), request);
        return ResponseEntity.created(URI.create("/api/v1/webhooks/endpoints/" + created.id())).body(created);
    }

    @GetMapping
    EndpointList list(Tenant tenant) {
        access.requireAdmin(tenant);
        return new EndpointList(endpoints.of(tenant.organisationId()).stream().map(this::view).toList());
    }

    @GetMapping("/{endpointId}")
    EndpointView get(Tenant tenant, @PathVariable String endpointId) {
        return view(access.endpoint(tenant, endpointId));
    }

    @PatchMapping("/{endpointId}")
    EndpointView update(Tenant tenant, @PathVariable String endpointId,
                        @Valid @RequestBody UpdateEndpointRequest request) {
        return view(commands.update(access.endpoint(tenant, endpointId), request));
    }

    @DeleteMapping("/{endpointId}")
    ResponseEntity<Void> delete(Tenant tenant, @PathVariable String endpointId) {
        commands.delete(access.endpoint(tenant, endpointId));
        return ResponseEntity.noContent().build();
    }

    /** Shows the new secret once; the old one keeps signing beside it for the overlap asked for. */
    @PostMapping("/{endpointId}/secret/rotate")
    RotatedSecret rotateSecret(Tenant tenant, @PathVariable String endpointId,
                               @RequestBody(required = false) RotateSecretRequest request) {
        return commands.rotateSecret(access.endpoint(tenant, endpointId),
                request == null ? new RotateSecretRequest(null) : request);
    }

    private EndpointView view(WebhookEndpoint endpoint) {
        return EndpointView.of(endpoint, clock.instant());
    }
}
