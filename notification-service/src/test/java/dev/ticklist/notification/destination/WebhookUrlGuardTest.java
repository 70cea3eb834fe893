package dev.ticklist.notification.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guard never opens a connection; names are resolved through a fixed table here, and the
 * table records what it was asked, so literals and disguises are shown never to be looked up.
 */
class WebhookUrlGuardTest {

    private static final Set<String> DNS_NAMES = Set.of("hooks.example.org", "internal.example.org",
            "mixed.example.org", "loop.example.org", "v6.example.org", "nowhere.example.org");

    private final Set<String> lookedUp = ConcurrentHashMap.newKeySet();
    private final HostResolver table = host -> {
        lookedUp.add(host);
        return switch (host) {
            case "hooks.example.org" -> List.of(ip("93.184.215.14"));
            case "internal.example.org" -> List.of(ip("10.1.2.3"));
            case "mixed.example.org" -> List.of(ip("93.184.215.14"), ip("169.254.169.254"));
            case "loop.example.org" -> List.of(ip("127.0.0.1"));
            case "v6.example.org" -> List.of(ip("::ffff:192.168.0.10"));
            default -> throw new UnknownHostException(host);
        };
    };
    private final WebhookUrlGuard strict = new WebhookUrlGuard(false, table);
    private final WebhookUrlGuard insecureLocal = new WebhookUrlGuard(true, table);

    @AfterEach
    void onlyDnsNamesWereLookedUp() {
        assertThat(lookedUp).as("hosts looked up").isSubsetOf(DNS_NAMES);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://hooks.example.org/ticklist",
            "https://hooks.example.org:8443/ticklist?source=ticklist",
            "https://hooks.example.org:65535/ticklist",
            "https://[2002:808:808::1]/hook",
            "https://93.184.215.14/hook",
            "https://[2606:4700:4700::1111]/hook",
    })
    void acceptsHttpsToPublicAddresses(String url) {
        assertThat(strict.check(url)).hasToString(url);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "http://hooks.example.org/x              | must use https",
            "ftp://hooks.example.org/x               | must use https",
            "hooks.example.org/x                     | must use https",
            "https://exa mple.org/x                  | not a valid URL",
            "https:///x                              | no valid host",
            "https://user:pw@hooks.example.org/x     | credentials",
            "https://localhost/x                     | local machine",
            "https://LOCALHOST./x                    | local machine",
            "https://api.localhost/x                 | local machine",
            "https://127.0.0.1/x                     | loopback",
            "https://[::1]/x                         | loopback",
            "https://10.0.0.1/x                      | private-network",
            "https://172.16.5.4/x                    | private-network",
            "https://192.168.0.1/x                   | private-network",
            "https://[fd00::1]/x                     | private-network",
            "https://169.254.169.254/latest/meta-data | link-local",
            "https://[fe80::1]/x                     | link-local",
            "https://0.0.0.0/x                       | unspecified",
            "https://[::]/x                          | unspecified",
            "https://224.0.0.1/x                     | multicast",
            "https://[ff02::1]/x                     | multicast",
            "https://100.64.0.1/x                    | carrier-grade NAT",
            "https://[::ffff:127.0.0.1]/x            | loopback",
            "https://[::ffff:a9fe:a9fe]/x            | link-local",
            "https://[::ffff:0:169.254.169.254]/x    | link-local",
            "https://[::ffff:0:10.0.0.1]/x           | private-network",
            "https://[64:ff9b::a9fe:a9fe]/x          | link-local",
            "https://[64:ff9b:1::a9fe:a9fe]/x        | link-local",
            "https://[2002:a00:1::1]/x               | private-network",
            "https://[2001:0:808:808::f5ff:fffe]/x   | private-network",
            "https://hooks.example.org:0/x           | the port 0 does not exist",
            "https://hooks.example.org:99999/x       | the port 99999 does not exist",
            "https://93.184.215.14:65536/x           | the port 65536 does not exist",
            "https://2130706433/x                    | non-standard notation (it means 127.0.0.1)",
            "https://0x7f000001/x                    | non-standard notation (it means 127.0.0.1)",
            "https://0177.0.0.1/x                    | non-standard notation (it means 127.0.0.1)",
            "https://0xa9fea9fe/x                    | non-standard notation (it means 169.254.169.254)",
            "https://4294967296/x                    | not a valid IPv4 address",
            "https://internal.example.org/x          | resolves to 10.1.2.3, a private-network address",
            "https://mixed.example.org/x             | resolves to 169.254.169.254",
            "https://v6.example.org/x                | resolves to 192.168.0.10",
            "https://loop.example.org/x              | resolves to 127.0.0.1, a loopback address",
            "https://nowhere.example.org/x           | could not be resolved",
    })
    void refusesWithAClearReason(String url, String reason) {
        assertThatThrownBy(() -> strict.check(url))
                .isInstanceOf(RefusedUrlException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "https://127.0.0.1/hook", "http://[::1]:8080/hook",
            "http://hooks.example.org/x"})
    void insecureLocalModeAllowsHttpAndLiteralLoopback(String url) {
        assertThat(insecureLocal.check(url)).hasToString(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.1/x", "http://192.168.1.20/x", "http://169.254.169.254/x",
            "https://localhost/x", "http://localhost:8080/x", "http://2130706433/x", "http://0x7f000001/x",
            "http://[::ffff:127.0.0.1]/x", "http://[::ffff:0:127.0.0.1]/x", "http://[64:ff9b::7f00:1]/x",
            "http://loop.example.org/x", "http://100.64.0.1/x"})
    void insecureLocalModeStillRefusesPrivateNetworksNamesAndDisguises(String url) {
        assertThatThrownBy(() -> insecureLocal.check(url)).isInstanceOf(RefusedUrlException.class);
    }

    @Test
    void readsEveryIpv4NotationAResolverMightAccept() {
        Map<String, String> notations = Map.of(
                "2130706433", "127.0.0.1",
                "0x7f000001", "127.0.0.1",
                "0177.0.0.1", "127.0.0.1",
                "127.1", "127.0.0.1",
                "10.1", "10.0.0.1",
                "0x7f.0.0.1", "127.0.0.1",
                "93.184.215.14", "93.184.215.14");
        notations.forEach((host, dotted) -> assertThat(Ipv4Notation.parse(host)).as(host)
                .hasValueSatisfying(bytes -> assertThat(Ipv4Notation.dotted(bytes)).isEqualTo(dotted)));
        for (String invalid : List.of("256.0.0.1", "1.2.3.4.5", "4294967296", "1.2.3.0x1g", "1..2")) {
            assertThat(Ipv4Notation.parse(invalid)).as(invalid).isEmpty();
        }
        assertThat(Ipv4Notation.looksLikeIpv4("hooks.example.org")).isFalse();
        assertThat(Ipv4Notation.looksLikeIpv4("foo.0x10")).isTrue();
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
