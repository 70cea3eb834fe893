package dev.ticklist.platform.openapi;

import dev.ticklist.platform.identity.Tenant;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;

/**
 * The services' OpenAPI documents: a {@link Tenant} parameter comes from the gateway's
 * identity, not from the caller's query, so it is not documented as one.
 */
@AutoConfiguration
@ConditionalOnClass(SpringDocUtils.class)
public class OpenApiConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Tenant.class);
    }
}
