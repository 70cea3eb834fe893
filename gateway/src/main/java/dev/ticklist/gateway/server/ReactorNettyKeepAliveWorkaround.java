package dev.ticklist.gateway.server;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Works around reactor-netty 1.3.6 (Spring Boot 4.0.7) stalling a keep-alive connection:
 * when a request arrives before the previous response has fully finished (which happens
 * whenever that response came from another thread, as every proxied one does) and is then
 * answered at once, on the event loop (a 401, a 404), the server stops reading the connection
 * and the client's next request hangs until it times out. Fixed in reactor-netty 1.3.8
 * (reactor/reactor-netty#4347, #4361), which Boot 4.0.7 does not manage.
 *
 * <p>Starting every request on another thread means no answer is ever written while the server
 * is still draining the connection's queue, which is what stalls it. Cost: one thread hop per
 * request. Remove this class once reactor-netty is 1.3.8 or newer; {@code KeepAliveIT}
 * proves the behaviour either way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ReactorNettyKeepAliveWorkaround implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return Mono.defer(() -> chain.filter(exchange)).subscribeOn(Schedulers.parallel());
    }
}
