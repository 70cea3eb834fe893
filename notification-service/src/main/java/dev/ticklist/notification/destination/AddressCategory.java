package dev.ticklist.notification.destination;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * What kind of network an IP address belongs to. Only {@link #PUBLIC} addresses are webhook
 * destinations; everything else reaches into our own network, the machine itself or a cloud
 * metadata service. Decided from the address bytes alone: nothing is looked up or connected to.
 */
public enum AddressCategory {
    PUBLIC("a public address"),
    LOOPBACK("a loopback address"),
    PRIVATE("a private-network address"),
    LINK_LOCAL("a link-local address (this includes cloud metadata services such as 169.254.169.254)"),
    UNSPECIFIED("an unspecified address"),
    MULTICAST("a multicast address"),
    SHARED("a carrier-grade NAT address (100.64.0.0/10)"),
    RESERVED("a reserved address");

    private final String description;

    AddressCategory(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public static AddressCategory of(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return ofIpv4(bytes);
        }
        Optional<byte[]> embedded = embeddedIpv4(bytes);
        if (embedded.isPresent()) {
            return ofIpv4(embedded.get());
        }
        return ofIpv6(bytes);
    }

    /**
     * The IPv4 address inside an IPv6 one that stands for it: IPv4-mapped {@code ::ffff:a.b.c.d},
     * IPv4-compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::a.b.c.d} and 6to4 {@code 2002:aabb:ccdd::}.
     */
    public static Optional<byte[]> embeddedIpv4(InetAddress address) {
        return address instanceof Inet4Address ? Optional.empty() : embeddedIpv4(address.getAddress());
    }

    private static Optional<byte[]> embeddedIpv4(byte[] v6) {
        if (zero(v6, 0, 10) && u(v6[10]) == 0xff && u(v6[11]) == 0xff) {
            return Optional.of(Arrays.copyOfRange(v6, 12, 16));
        }
        boolean unspecifiedOrLoopback = zero(v6, 0, 15) && (v6[15] == 0 || v6[15] == 1);
        if (zero(v6, 0, 12) && !unspecifiedOrLoopback) {
            return Optional.of(Arrays.copyOfRange(v6, 12, 16));
        }
        if (u(v6[0]) == 0x00 && u(v6[1]) == 0x64 && u(v6[2]) == 0xff && u(v6[3]) == 0x9b && zero(v6, 4, 12)) {
            return Optional.of(Arrays.copyOfRange(v6, 12, 16));
        }
        if (u(v6[0]) == 0x20 && u(v6[1]) == 0x02) {
            return Optional.of(Arrays.copyOfRange(v6, 2, 6));
        }
        return Optional.empty();
    }

    private static AddressCategory ofIpv4(byte[] a) {
        int b0 = u(a[0]);
        int b1 = u(a[1]);
        int b2 = u(a[2]);
        if (b0 == 0) {
            return UNSPECIFIED; // 0.0.0.0/8, "this network"
        }
        if (b0 == 127) {
            return LOOPBACK;
        }
        if (b0 == 10 || (b0 == 172 && (b1 & 0xf0) == 16) || (b0 == 192 && b1 == 168)) {
            return PRIVATE;
        }
        if (b0 == 169 && b1 == 254) {
            return LINK_LOCAL;
        }
        if (b0 == 100 && (b1 & 0xc0) == 64) {
            return SHARED;
        }
        if (b0 >= 224 && b0 <= 239) {
            return MULTICAST;
        }
        if (b0 >= 240 || (b0 == 192 && b1 == 0 && b2 == 0) || (b0 == 198 && (b1 & 0xfe) == 18)) {
            return RESERVED; // 240/4 and broadcast, IETF protocol assignments, benchmarking networks
        }
        return PUBLIC;
    }

    private static AddressCategory ofIpv6(byte[] a) {
        if (zero(a, 0, 16)) {
            return UNSPECIFIED;
        }
        if (zero(a, 0, 15) && a[15] == 1) {
            return LOOPBACK;
        }
        int b0 = u(a[0]);
        int b1 = u(a[1]);
        if ((b0 & 0xfe) == 0xfc) {
            return PRIVATE; // fc00::/7 unique local
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return LINK_LOCAL; // fe80::/10
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
            return PRIVATE; // fec0::/10, the deprecated site-local range
        }
        if (b0 == 0xff) {
            return MULTICAST;
        }
        return PUBLIC;
    }

    private static boolean zero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int u(byte b) {
        return b & 0xff;
    }
}
