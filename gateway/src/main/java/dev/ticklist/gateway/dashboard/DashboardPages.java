package dev.ticklist.gateway.dashboard;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;

/**
 * The dashboard's pages: static ES modules under {@code /dashboard/} (resources/static/dashboard),
 * its chart library from a webjar under {@code /webjars/}. Everything it shows it reads from the
 * public API, like any other client.
 */
@Configuration(proxyBeanMethods = false)
class DashboardPages {

    static final String PATH = "/dashboard/";

    /**
     * The pages run only their own scripts and styles and talk only to their own origin; no other
     * site may frame them. Content the API returns (names, ids) can then never run as code.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    RouterFunction<ServerResponse> dashboardIndex() {
        Resource index = new ClassPathResource("static/dashboard/index.html");
        return route(GET(PATH), request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(index))
                .andRoute(GET("/dashboard"), request -> ServerResponse.permanentRedirect(URI.create(PATH)).build());
    }

    @Bean
    WebFilter dashboardContentSecurityPolicy() {
        return (exchange, chain) -> {
            if (exchange.getRequest().getPath().value().startsWith(PATH)) {
                exchange.getResponse().getHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            }
            return chain.filter(exchange);
        };
    }
}
