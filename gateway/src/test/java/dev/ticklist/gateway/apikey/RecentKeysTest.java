package dev.ticklist.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.platform.identity.Scope;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentKeysTest {

    private final AtomicLong now = new AtomicLong();
    private final RecentKeys recent = new RecentKeys(now::get);
    private final ApiKeyEntry entry = new ApiKeyEntry("org_acme", "key_1", "tk_abcd", Set.of(Scope.READ));

    @Test
    void aKeyFoundIsRememberedForFiveSecondsThenAskedAgain() {
        assertThat(recent.get("hash")).isEmpty();
        recent.put("hash", entry);
        now.addAndGet(RecentKeys.KEEP_NANOS);
        assertThat(recent.get("hash")).contains(entry);
        now.addAndGet(1);
        assertThat(recent.get("hash")).isEmpty();
    }

    @Test
    void aRevokedKeyIsForgottenAtOnce() {
        recent.put("hash", entry);
        recent.forget("hash");
        assertThat(recent.get("hash")).isEmpty();
    }
}
