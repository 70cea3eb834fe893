package dev.ticklist.gateway.routing;

import java.util.List;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Takes Spring Cloud Gateway's two filters that drop a client's {@code Forwarded} and
 * {@code X-Forwarded-*} headers (there when no trusted proxies are configured, as here) out of
 * the context: {@link IdentityHandOffFilter} drops them in the one pass over the headers it
 * makes anyway, while each of those copied every header of every request into a new map (with
 * the hop-by-hop filter, 7 % of the gateway's CPU per request, docs/benchmarks.md).
 * {@code RoutingIT} proves a client's forwarding headers still never reach a service.
 */
@Configuration(proxyBeanMethods = false)
class ForwardedHeaderRemoval {

    /** The beans' names in Spring Cloud Gateway's {@code GatewayAutoConfiguration}. */
    static final List<String> REPLACED = List.of("removeForwardedHeadersFilter", "removeXForwardedHeadersFilter");

    @Bean
    static BeanDefinitionRegistryPostProcessor withoutSpringCloudGatewaysForwardedHeaderRemoval() {
        return registry -> REPLACED.forEach(name -> remove(registry, name));
    }

    private static void remove(BeanDefinitionRegistry registry, String name) {
        if (registry.containsBeanDefinition(name)) {
            registry.removeBeanDefinition(name);
        }
    }
}
