package dev.ticklist.gateway.dashboard;

import dev.ticklist.gateway.security.VerifiedCaller;
import java.time.Duration;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Ends a live stream opened through a dashboard session after {@code stream-lifetime}: a session
 * is checked when a request starts, and a stream is one long request. The page's EventSource
 * reconnects by itself and that request is checked again, so a revoked key or link, an expired
 * link or a closed session stops streaming within that time, not at the service's own limit.
 */
@Component
class SessionStreamLimit implements GlobalFilter, Ordered {

    private final Duration lifetime;

    SessionStreamLimit(DashboardProperties properties) {
        this.lifetime = properties.streamLifetime();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!exchange.getRequest().getPath().value().endsWith("/stream")) {
            return chain.filter(exchange);
        }
        boolean throughASession = VerifiedCaller.of(exchange)
                .filter(authentication -> SessionAuthenticationManager.THROUGH_A_SESSION.equals(authentication.getDetails()))
                .isPresent();
        return throughASession ? chain.filter(exchange).take(lifetime) : chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
