package dev.ticklist.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class HopByHopHeadersFilterTest {

    private static final List<String> NAMES = List.of("Connection", "connection", "Keep-Alive", "TE", "te",
            "Transfer-Encoding", "Trailer", "Proxy-Authorization", "Proxy-Authenticate", "X-Application-Context",
            "Upgrade", "upgrade", "Content-Type", "content-length", "Accept", "X-Custom", "x-custom", "X-Other",
            "Authorization", "traceparent");

    private final HopByHopHeadersFilter filter = new HopByHopHeadersFilter();
    private final RemoveHopByHopHeadersFilter springCloudGateways = new RemoveHopByHopHeadersFilter();

    @Test
    void dropsWhatSpringCloudGatewaysFilterDropsAndKeepsTheRestInOrder() {
        var random = new Random(17);
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/cohorts"));
        for (int run = 0; run < 5_000; run++) {
            var headers = new HttpHeaders();
            int count = random.nextInt(8);
            for (int i = 0; i < count; i++) {
                String name = NAMES.get(random.nextInt(NAMES.size()));
                headers.add(name, name.equalsIgnoreCase("Connection") ? connectionOptions(random) : "v" + random.nextInt(3));
            }
            var expected = new ArrayList<>(springCloudGateways.filter(headers, exchange).headerSet());
            var inPlace = HttpHeaders.copyOf(headers);
            HopByHopHeadersFilter.removeFrom(inPlace);
            assertThat(new ArrayList<>(filter.filter(headers, exchange).headerSet())).as(headers.toString()).isEqualTo(expected);
            assertThat(new ArrayList<>(inPlace.headerSet())).as(headers.toString()).isEqualTo(expected);
        }
    }

    @Test
    void appliesToAnswersInThePlaceOfTheFilterItReplacesAndLeavesRequestsToTheIdentityHandOff() {
        assertThat(filter.supports(HttpHeadersFilter.Type.REQUEST)).isFalse();
        assertThat(filter.supports(HttpHeadersFilter.Type.RESPONSE)).isTrue();
        assertThat(filter.getOrder()).isEqualTo(springCloudGateways.getOrder());
    }

    private static String connectionOptions(Random random) {
        var options = new ArrayList<String>();
        for (int i = random.nextInt(3); i >= 0; i--) {
            options.add(NAMES.get(random.nextInt(NAMES.size())));
        }
        return String.join(random.nextBoolean() ? ", " : ",", options);
    }
}
