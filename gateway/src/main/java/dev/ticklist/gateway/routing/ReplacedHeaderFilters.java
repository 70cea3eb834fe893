package dev.ticklist.gateway.routing;

import java.util.List;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Takes five of Spring Cloud Gateway's header filters out of the context, each of which copied
 * every header of every request (or answer) into a new map to drop or add a few:
 * <ul>
 *   <li>{@code removeForwardedHeadersFilter} and {@code removeXForwardedHeadersFilter}, which drop
 *   a client's {@code Forwarded} and {@code X-Forwarded-*} (there when no trusted proxies are
 *   configured, as here): {@link IdentityHandOffFilter} drops them in the one pass over the
 *   headers it makes anyway ({@code RoutingIT} proves none reaches a service);</li>
 *   <li>{@code removeHopByHopHeadersFilter}: {@link HopByHopHeadersFilter} drops the same headers
 *   without a set, a stream and a lowercased copy of every name, from answers itself and from
 *   requests in the copy {@link IdentityHandOffFilter} edits anyway ({@code HopByHopHeadersFilterTest}
 *   compares them with Spring Cloud Gateway's).</li>
 *   <li>{@code gRPCRequestHeadersFilter} and {@code gRPCResponseHeadersFilter}, which add gRPC's
 *   {@code te: trailers} and trailers for gRPC calls: no route of ours speaks gRPC (the services
 *   answer HTTP/1.1 JSON), yet the request's filter copied every header of every request.</li>
 * </ul>
 * The first three were a tenth of the gateway's CPU per request, the gRPC filter about 1 %
 * (docs/benchmarks.md).
 */
@Configuration(proxyBeanMethods = false)
class ReplacedHeaderFilters {

    /** The beans' names in Spring Cloud Gateway's {@code GatewayAutoConfiguration}. */
    static final List<String> REPLACED = List.of("removeForwardedHeadersFilter", "removeXForwardedHeadersFilter",
            "removeHopByHopHeadersFilter", "gRPCRequestHeadersFilter", "gRPCResponseHeadersFilter");

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
