package dev.ticklist.notification.endpoint;

import java.util.List;

public record EndpointList(List<EndpointView> endpoints) {
}
