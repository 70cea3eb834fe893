package dev.ticklist.notification.endpoint;

import dev.ticklist.platform.identity.Scope;
import dev.ticklist.platform.identity.Tenant;
import dev.ticklist.platform.web.Problems;
import org.springframework.stereotype.Component;

/** Webhooks are admin business, and an endpoint is seen only by its own organisation. */
@Component
public class EndpointAccess {

    private final WebhookEndpoints endpoints;

    EndpointAccess(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** The security chain lets every GET on /api/** through with read scope; webhooks need admin. */
    public void requireAdmin(Tenant tenant) {
        if (!tenant.has(Scope.ADMIN)) {
            throw Problems.forbidden("webhooks need an API key with the admin scope");
        }
    }

    /** The tenant's endpoint; another organisation's is as unknown as one that never existed. */
    public WebhookEndpoint endpoint(Tenant tenant, String endpointId) {
        requireAdmin(tenant);
        return endpoints.find(tenant.organisationId(), endpointId)
                .orElseThrow(() -> Problems.notFound("there is no webhook endpoint " + endpointId));
    }
}
