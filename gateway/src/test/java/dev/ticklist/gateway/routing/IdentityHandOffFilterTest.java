package dev.ticklist.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.gateway.apikey.ApiKeyAuthentication;
import dev.ticklist.gateway.apikey.ApiKeyEntry;
import dev.ticklist.gateway.security.VerifiedCaller;
import dev.ticklist.platform.identity.IdentityKeys;
import dev.ticklist.platform.identity.IdentityProperties;
import dev.ticklist.platform.identity.IdentityTokens;
import dev.ticklist.platform.identity.Scope;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class IdentityHandOffFilterTest {

    @Test
    void theClientsCredentialsForwardingHeadersAndEveryTicklistHeaderAreRemovedWhateverTheirCase() {
        var headers = new HttpHeaders();
        headers.add("authorization", "Bearer tk_client");
        headers.add("X-API-KEY", "tk_client");
        headers.add("X-Ticklist-Organisation", "org_forged");
        headers.add("x-ticklist-scopes", "platform");
        headers.add("X-TICKLIST-", "empty suffix");
        headers.add("X-Ticklist", "no dash: not ours, kept");
        headers.add("forwarded", "for=203.0.113.9");
        headers.add("X-Forwarded-For", "203.0.113.9");
        headers.add("x-forwarded-proto", "https");
        headers.add("X-Forwardedness", "not a forwarding header, kept");
        headers.add("Accept", "application/json");

        IdentityHandOffFilter.removeClientCredentials(headers);

        assertThat(headers.headerNames()).containsExactlyInAnyOrder("X-Ticklist", "X-Forwardedness", "Accept");
    }

    @Test
    void theRequestsOwnHeadersAreCopiedNotChangedAndCopiesOfEarlierFiltersAreChangedInPlace() {
        var filter = newFilter();
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/cohorts")
                .header("X-Api-Key", "tk_client").header("Accept", "application/json"));
        var own = exchange.getRequest().getHeaders();

        var sent = filter.filter(own, exchange);

        assertThat(sent).isNotSameAs(own);
        assertThat(sent.headerNames()).containsExactly("Accept");
        assertThat(own.headerNames()).containsExactlyInAnyOrder("X-Api-Key", "Accept");

        var earlierCopy = HttpHeaders.copyOf(own);
        assertThat(filter.filter(earlierCopy, exchange)).isSameAs(earlierCopy);
        assertThat(earlierCopy.headerNames()).containsExactly("Accept");
    }

    @Test
    void hopByHopHeadersAndTheOnesConnectionListsAreDroppedInTheSameCopy() {
        var filter = newFilter();
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/cohorts")
                .header("Connection", "keep-alive, X-Custom").header("Keep-Alive", "timeout=5").header("TE", "trailers")
                .header("x-custom", "listed").header("Proxy-Authorization", "Basic eA==").header("Accept", "application/json"));

        var sent = filter.filter(exchange.getRequest().getHeaders(), exchange);

        assertThat(sent.headerNames()).containsExactly("Accept");
    }

    @Test
    void aClientsConnectionHeaderCannotNameTheIdentityAway() {
        var filter = newFilter();
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/cohorts")
                .header("Connection", "Authorization, X-Custom").header("Authorization", "Bearer tk_client")
                .header("X-Custom", "listed"));
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR, Route.async().id("checklist-service")
                .uri("http://127.0.0.1:8081").predicate(any -> true).build());
        exchange.getAttributes().put(VerifiedCaller.class.getName(), new ApiKeyAuthentication(
                new ApiKeyEntry("org_1", "key_1", "tk_abc", Set.of(Scope.WRITE))));

        var sent = filter.filter(exchange.getRequest().getHeaders(), exchange);

        assertThat(sent.headerNames()).containsExactly("Authorization");
        assertThat(sent.getFirst("Authorization")).startsWith("Bearer ey").isNotEqualTo("Bearer tk_client");
    }

    private static IdentityHandOffFilter newFilter() {
        var keys = IdentityKeys.generate();
        return new IdentityHandOffFilter(new IdentityTokens(keys, Duration.ofMinutes(1)),
                new IdentityProperties(keys.encodedPublicKey(), keys.encodedPrivateKey(), Duration.ofMinutes(1)));
    }
}
