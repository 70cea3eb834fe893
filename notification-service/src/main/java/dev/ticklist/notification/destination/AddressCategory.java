package dev.ticklist.notification.destination;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;

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
        List<byte[]> embedded = embeddedIpv4(bytes);
        if (embedded.isEmpty()) {
            return ofIpv6(bytes);
        }
        // Where the IPv4 address could sit in more than one place, every reading must be public.
        return embedded.stream().map(AddressCategory::ofIpv4).filter(category -> category != PUBLIC)
                .findFirst().orElse(PUBLIC);
    }

    /**
     * The IPv4 addresses inside an IPv6 address that stands for them or carries them, by which it
     * is judged (empty for any other): IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-translated
     * {@code ::ffff:0:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::a.b.c.d},
     * 6to4 {@code 2002:aabb:ccdd::}, Teredo {@code 2001:0:…} (its server, and its client, stored
     * inverted), and the local-use NAT64 prefix {@code 64:ff9b:1::/48}, whose address sits where
     * the network's prefix length puts it (RFC 6052: /48, /56, /64 or /96), so every one counts.
     */
    public static List<byte[]> embeddedIpv4(InetAddress address) {
        return address instanceof Inet4Address ? List.of() : embeddedIpv4(address.getAddress());
    }

    private static List<byte[]> embeddedIpv4(byte[] v6) {
        boolean ffff = u(v6[10]) == 0xff && u(v6[11]) == 0xff;
        if (zero(v6, 0, 10) && ffff) {
            return List.of(bytesAt(v6, 12, 13, 14, 15)); // IPv4-mapped
        }
        if (zero(v6, 0, 8) && u(v6[8]) == 0xff && u(v6[9]) == 0xff && zero(v6, 10, 12)) {
            return List.of(bytesAt(v6, 12, 13, 14, 15)); // IPv4-translated (SIIT)
        }
        boolean unspecifiedOrLoopback = zero(v6, 0, 15) && (v6[15] == 0 || v6[15] == 1);
        if (zero(v6, 0, 12) && !unspecifiedOrLoopback) {
            return List.of(bytesAt(v6, 12, 13, 14, 15)); // IPv4-compatible
        }
        boolean nat64 = u(v6[0]) == 0x00 && u(v6[1]) == 0x64 && u(v6[2]) == 0xff && u(v6[3]) == 0x9b;
        if (nat64 && zero(v6, 4, 12)) {
            return List.of(bytesAt(v6, 12, 13, 14, 15)); // the well-known prefix 64:ff9b::/96
        }
        if (nat64 && v6[4] == 0 && v6[5] == 1) {
            return List.of(bytesAt(v6, 12, 13, 14, 15), bytesAt(v6, 9, 10, 11, 12),
                    bytesAt(v6, 7, 9, 10, 11), bytesAt(v6, 6, 7, 9, 10)); // /96, /64, /56, /48 (byte 8 is reserved)
        }
        if (u(v6[0]) == 0x20 && u(v6[1]) == 0x02) {
            return List.of(bytesAt(v6, 2, 3, 4, 5)); // 6to4
        }
        if (u(v6[0]) == 0x20 && u(v6[1]) == 0x01 && v6[2] == 0 && v6[3] == 0) {
            byte[] client = bytesAt(v6, 12, 13, 14, 15);
            for (int i = 0; i < client.length; i++) {
                client[i] = (byte) ~client[i];
            }
            return List.of(bytesAt(v6, 4, 5, 6, 7), client); // Teredo: server, client
        }
        return List.of();
    }

    private static byte[] bytesAt(byte[] bytes, int a, int b, int c, int d) {
        return new byte[] {bytes[a], bytes[b], bytes[c], bytes[d]};
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
