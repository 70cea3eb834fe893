package dev.ticklist.notification.endpoint;

import dev.ticklist.events.webhook.WebhookEvent;
import dev.ticklist.platform.identity.Scope;
import dev.ticklist.platform.identity.Tenant;
import dev.ticklist.platform.kafka.TopicFollower;
import dev.ticklist.platform.web.Problems;
import org.springframework.stereotype.Component;

/** Webhooks are admin business, and an endpoint is seen only by its own organisation. */
@Component
public class EndpointAccess {

    private final WebhookEndpoints endpoints;
    private final TopicFollower<WebhookEvent> follower;

    EndpointAccess(WebhookEndpoints endpoints, TopicFollower<WebhookEvent> follower) {
        this.endpoints = endpoints;
        this.follower = follower;
    }

    /**
     * Webhooks need admin (the security chain lets every GET on /api/** through with read scope).
     * Then invariant 6: this instance applies every webhook event acknowledged for the
     * organisation before it answers, so a change made through another instance is seen here.
     */
    public void requireAdmin(Tenant tenant) {
        if (!tenant.has(Scope.ADMIN)) {
            throw Problems.forbidden("webhooks need an API key with the admin scope");
        }
        follower.catchUp(tenant.organisationId());
    }

    /** The tenant's endpoint; another organisation's is as unknown as one that never existed. */
    public WebhookEndpoint endpoint(Tenant tenant, String endpointId) {
        requireAdmin(tenant);
        return endpoints.find(tenant.organisationId(), endpointId)
                .orElseThrow(() -> Problems.notFound("there is no webhook endpoint " + endpointId));
    }
}
