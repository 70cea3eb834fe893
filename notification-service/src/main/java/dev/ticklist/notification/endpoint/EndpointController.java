package dev.ticklist.notification.endpoint;

import dev.ticklist.platform.identity.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Webhook endpoints", description = "Where the organisation's milestones are delivered")
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

    @Operation(operationId = "createWebhookEndpoint", summary = "Register a webhook endpoint")
    @PostMapping
    ResponseEntity<CreatedEndpoint> create(Tenant tenant, @Valid @RequestBody CreateEndpointRequest request) {
        access.requireAdmin(tenant);
        CreatedEndpoint created = commands.register(tenant.organisationId(), request);
        return ResponseEntity.created(URI.create("/api/v1/webhooks/endpoints/" + created.id())).body(created);
    }

    @Operation(operationId = "listWebhookEndpoints", summary = "List the organisation's webhook endpoints")
    @GetMapping
    EndpointList list(Tenant tenant) {
        access.requireAdmin(tenant);
        return new EndpointList(endpoints.of(tenant.organisationId()).stream().map(this::view).toList());
    }

    @Operation(operationId = "getWebhookEndpoint", summary = "Get a webhook endpoint")
    @GetMapping("/{endpointId}")
    EndpointView get(Tenant tenant, @PathVariable String endpointId) {
        return view(access.endpoint(tenant, endpointId));
    }

    @Operation(operationId = "changeWebhookEndpoint", summary = "Change a webhook endpoint's URL, description or event types")
    @PatchMapping("/{endpointId}")
    EndpointView update(Tenant tenant, @PathVariable String endpointId,
                        @Valid @RequestBody UpdateEndpointRequest request) {
        return view(commands.update(access.endpoint(tenant, endpointId), request));
    }

    @Operation(operationId = "deleteWebhookEndpoint", summary = "Delete a webhook endpoint")
    @DeleteMapping("/{endpointId}")
    ResponseEntity<Void> delete(Tenant tenant, @PathVariable String endpointId) {
        commands.delete(access.endpoint(tenant, endpointId));
        return ResponseEntity.noContent().build();
    }

    /** Shows the new secret once; the old one keeps signing beside it for the overlap asked for. */
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate an endpoint's signing secret")
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
