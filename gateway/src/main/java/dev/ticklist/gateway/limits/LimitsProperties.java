package dev.ticklist.gateway.limits;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the gateway takes from a client before it forwards anything. (The header limit is Spring
 * Boot's own {@code server.max-http-request-header-size}; the upstream timeout is Spring Cloud
 * Gateway's {@code httpclient.response-timeout}.)
 *
 * @param maxRequestBody the largest request body forwarded; larger ones get 413
 * @param streamedPaths  paths whose bodies are streamed to the service as they arrive, neither
 *                       held nor limited here: their service reads them a line at a time within
 *                       limits of its own (imports). Only for callers with a key.
 */
@ConfigurationProperties("ticklist.gateway.limits")
public record LimitsProperties(@DefaultValue("1MB") DataSize maxRequestBody,
                               @DefaultValue("/api/v1/cohorts/*/imports/*") List<String> streamedPaths) {

    public LimitsProperties {
        if (maxRequestBody == null || maxRequestBody.toBytes() < 1 || maxRequestBody.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("ticklist.gateway.limits.max-request-body (TICKLIST_GATEWAY_MAX_REQUEST_BODY)"
                    + " must be between 1B and 2GB, was " + maxRequestBody);
        }
    }
}
