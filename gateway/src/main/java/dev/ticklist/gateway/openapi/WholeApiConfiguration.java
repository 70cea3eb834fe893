package dev.ticklist.gateway.openapi;

import java.time.Clock;
import java.util.List;
import org.springdoc.webflux.api.OpenApiWebfluxResource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The parts of the whole API's document, in order of precedence: the three services, then the
 * gateway's own endpoints. Another part is one more {@link OpenApiSource} bean.
 */
@Configuration(proxyBeanMethods = false)
class WholeApiConfiguration {

    @Bean
    @Order(10)
    OpenApiSource checklistServiceOpenApi(WebClient.Builder webClients, OpenApiProperties properties) {
        return new ServiceOpenApiSource("checklist-service", properties.checklistDocument(), webClients);
    }

    @Bean
    @Order(20)
    OpenApiSource progressServiceOpenApi(WebClient.Builder webClients, OpenApiProperties properties) {
        return new ServiceOpenApiSource("progress-service", properties.progressDocument(), webClients);
    }

    @Bean
    @Order(30)
    OpenApiSource notificationServiceOpenApi(WebClient.Builder webClients, OpenApiProperties properties) {
        return new ServiceOpenApiSource("notification-service", properties.notificationDocument(), webClients);
    }

    @Bean
    @Order(100)
    OpenApiSource gatewayOpenApi(ObjectProvider<OpenApiWebfluxResource> springdoc) {
        return new GatewayOpenApiSource(springdoc);
    }

    @Bean
    WholeApiDocument wholeApiDocument(List<OpenApiSource> sources, OpenApiProperties properties) {
        return new WholeApiDocument(sources, new OpenApiMerger(properties.version()), properties.timeout(),
                properties.keepFor(), Clock.systemUTC());
    }
}
