package dev.ticklist.notification.destination;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Address rules on literals only: InetAddress parses them without any lookup, and nothing connects. */
class AddressCategoryTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "127.0.0.1, LOOPBACK",
            "127.255.255.254, LOOPBACK",
            "10.0.0.1, PRIVATE",
            "10.255.255.255, PRIVATE",
            "172.16.0.1, PRIVATE",
            "172.31.255.255, PRIVATE",
            "172.15.255.255, PUBLIC",
            "172.32.0.1, PUBLIC",
            "192.168.1.1, PRIVATE",
            "192.169.0.1, PUBLIC",
            "169.254.169.254, LINK_LOCAL",
            "169.254.0.1, LINK_LOCAL",
            "0.0.0.0, UNSPECIFIED",
            "0.1.2.3, UNSPECIFIED",
            "224.0.0.1, MULTICAST",
            "239.255.255.250, MULTICAST",
            "100.64.0.1, SHARED",
            "100.127.255.255, SHARED",
            "100.63.255.255, PUBLIC",
            "100.128.0.1, PUBLIC",
            "255.255.255.255, RESERVED",
            "240.0.0.1, RESERVED",
            "198.18.0.1, RESERVED",
            "8.8.8.8, PUBLIC",
            "93.184.215.14, PUBLIC",
            "::1, LOOPBACK",
            "::, UNSPECIFIED",
            "fc00::1, PRIVATE",
            "fdff:ffff::1, PRIVATE",
            "fec0::1, PRIVATE",
            "fe80::1, LINK_LOCAL",
            "febf::1, LINK_LOCAL",
            "ff02::1, MULTICAST",
            "2606:4700:4700::1111, PUBLIC",
            "::ffff:127.0.0.1, LOOPBACK",
            "::ffff:10.0.0.1, PRIVATE",
            "::ffff:169.254.169.254, LINK_LOCAL",
            "::ffff:8.8.8.8, PUBLIC",
            "::127.0.0.1, LOOPBACK",
            "::2, UNSPECIFIED",
            "64:ff9b::a9fe:a9fe, LINK_LOCAL",
            "64:ff9b::808:808, PUBLIC",
            "2002:c0a8:101::1, PRIVATE",
            "2002:a9fe:a9fe::1, LINK_LOCAL",
            "2002:808:808::1, PUBLIC",
            "::ffff:0:169.254.169.254, LINK_LOCAL",
            "::ffff:0:10.0.0.1, PRIVATE",
            "::ffff:0:8.8.8.8, PUBLIC",
            "64:ff9b:1::a9fe:a9fe, LINK_LOCAL",
            "64:ff9b:1::808:808, UNSPECIFIED",
            "64:ff9b:1:808:8:808:808:808, PUBLIC",
            "2001:0:808:808::f5ff:fffe, PRIVATE",
            "2001:0:a00:1::f7f7:fbfb, PRIVATE",
            "2001:0:808:808::f7f7:fbfb, PUBLIC",
    })
    void classifiesAddressLiterals(String literal, AddressCategory expected) throws Exception {
        assertThat(AddressCategory.of(InetAddress.getByName(literal))).isEqualTo(expected);
    }

    @Test
    void seesThroughAnIpv4MappedAddressThatJavaKeptAsIpv6() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);

        assertThat(address).isInstanceOf(Inet6Address.class);
        assertThat(AddressCategory.of(address)).isEqualTo(AddressCategory.LOOPBACK);
        assertThat(AddressCategory.embeddedIpv4(address)).isNotEmpty();
    }

    @Test
    void aLocalUseNat64AddressIsReadAtEveryPlaceItsPrefixLengthCouldPutTheIpv4Address() throws Exception {
        // 64:ff9b:1:a00:1:: carries 10.0.1.0 if the network's prefix is a /48 (RFC 6052, byte 8 skipped).
        var readings = AddressCategory.embeddedIpv4(InetAddress.getByName("64:ff9b:1:a00:1::")).stream()
                .map(bytes -> (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff))
                .toList();

        assertThat(readings).containsExactly("0.0.0.0", "1.0.0.0", "0.1.0.0", "10.0.1.0");
    }

    @Test
    void aTeredoAddressIsReadAsItsServerAndItsClientWhoseAddressIsStoredInverted() throws Exception {
        var readings = AddressCategory.embeddedIpv4(InetAddress.getByName("2001:0:808:808::f5ff:fffe"));

        assertThat(readings).containsExactly(new byte[] {8, 8, 8, 8}, new byte[] {10, 0, 0, 1});
    }
}
