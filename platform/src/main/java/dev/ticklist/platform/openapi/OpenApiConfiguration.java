package dev.ticklist.platform.openapi;

import dev.ticklist.platform.identity.Tenant;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The services' OpenAPI documents: a {@link Tenant} parameter comes from the gateway's
 * identity, not from the caller's query, so it is not documented as one; every operation's
 * error answers are documented as problems.
 */
@AutoConfiguration
@ConditionalOnClass(SpringDocUtils.class)
public class OpenApiConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Tenant.class);
    }

    /** Every operation's error answers, documented as problems ({@link DocumentedProblems}). */
    @Bean
    GlobalOpenApiCustomizer documentedProblems() {
        return DocumentedProblems::addTo;
    }
}
