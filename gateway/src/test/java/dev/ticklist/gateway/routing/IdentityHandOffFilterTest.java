package dev.ticklist.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class IdentityHandOffFilterTest {

    @Test
    void theClientsCredentialsAndEveryTicklistHeaderAreRemovedWhateverTheirCase() {
        var headers = new HttpHeaders();
        headers.add("authorization", "Bearer tk_client");
        headers.add("X-API-KEY", "tk_client");
        headers.add("X-Ticklist-Organisation", "org_forged");
        headers.add("x-ticklist-scopes", "platform");
        headers.add("X-TICKLIST-", "empty suffix");
        headers.add("X-Ticklist", "no dash: not ours, kept");
        headers.add("Accept", "application/json");

        IdentityHandOffFilter.removeClientCredentials(headers);

        assertThat(headers.headerNames()).containsExactlyInAnyOrder("X-Ticklist", "Accept");
    }
}
