package dev.ticklist.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenLeasesTest {

    private final AtomicLong now = new AtomicLong(0);
    private final TokenLeases leases = new TokenLeases(now::get);

    @Test
    void aLeaseIsATenthOfTheSmallerOfRateAndBurstAndAtLeastOne() {
        assertThat(TokenLeases.leaseSize(20, 40)).isEqualTo(2);
        assertThat(TokenLeases.leaseSize(1000, 500)).isEqualTo(50);
        assertThat(TokenLeases.leaseSize(5, 5)).isEqualTo(1);
    }

    @Test
    void aLeaseIsSpentOneTokenARequestAndSaysWhatIsLeftInAll() {
        assertThat(leases.take("key")).isEmpty();
        assertThat(leases.granted("key", 4, 30)).isEqualTo(33);
        assertThat(leases.take("key")).hasValue(32);
        assertThat(leases.take("key")).hasValue(31);
        assertThat(leases.take("key")).hasValue(30);
        assertThat(leases.take("key")).isEmpty();
        assertThat(leases.take("other key")).isEmpty();
    }

    @Test
    void aLeaseLapsesAfterASecondUnspent() {
        leases.granted("key", 10, 0);
        now.addAndGet(TokenLeases.LIFETIME_NANOS);
        assertThat(leases.take("key")).hasValue(8);
        now.addAndGet(1);
        assertThat(leases.take("key")).isEmpty();
    }
}
