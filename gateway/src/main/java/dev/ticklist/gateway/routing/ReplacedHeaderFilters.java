package dev.ticklist.gateway.routing;

import java.util.List;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Takes three of Spring Cloud Gateway's header filters out of the context, each of which copied
 * every header of every request into a new map (with lowercased names) to drop a few:
 * <ul>
 *   <li>{@code removeForwardedHeadersFilter} and {@code removeXForwardedHeadersFilter}, which drop
 *   a client's {@code Forwarded} and {@code X-Forwarded-*} (there when no trusted proxies are
 *   configured, as here): {@link IdentityHandOffFilter} drops them in the one pass over the
 *   headers it makes anyway ({@code RoutingIT} proves none reaches a service);</li>
 *   <li>{@code removeHopByHopHeadersFilter}: {@link HopByHopHeadersFilter} drops the same headers
 *   without a set, a stream and a lowercased copy of every name per request and response
 *   ({@code HopByHopHeadersFilterTest} compares the two).</li>
 * </ul>
 * Together they were a tenth of the gateway's CPU per request (docs/benchmarks.md).
 */
@Configuration(proxyBeanMethods = false)
class ReplacedHeaderFilters {

    /** The beans' names in Spring Cloud Gateway's {@code GatewayAutoConfiguration}. */
    static final List<String> REPLACED = List.of("removeForwardedHeadersFilter", "removeXForwardedHeadersFilter",
            "removeHopByHopHeadersFilter");

    @Bean
    static BeanDefinitionRegistryPostProcessor withoutSpringCloudGatewaysHeaderCopies() {
        return registry -> REPLACED.forEach(name -> remove(registry, name));
    }

    @Bean
    HopByHopHeadersFilter hopByHopHeadersFilter() {
        return new HopByHopHeadersFilter();
    }

    private static void remove(BeanDefinitionRegistry registry, String name) {
        if (registry.containsBeanDefinition(name)) {
            registry.removeBeanDefinition(name);
        }
    }
}
