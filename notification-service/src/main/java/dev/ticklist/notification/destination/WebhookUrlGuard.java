package dev.ticklist.notification.destination;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a webhook URL may be called, at registration and again before every delivery
 * (DNS answers change). Only {@code https} URLs whose host is, or resolves only to, public
 * addresses pass. Names for the local machine and IPv4 addresses in non-standard notations are
 * refused in every mode. With {@code allowInsecureLocal} (dev and tests), {@code http} and a
 * loopback address written literally ({@code 127.0.0.1}, {@code [::1]}) are allowed too; private
 * networks stay refused.
 */
public final class WebhookUrlGuard {

    private static final int MAX_LENGTH = 2048;
    private static final int MAX_PORT = 65_535;

    private final boolean allowInsecureLocal;
    private final HostResolver resolver;

    public WebhookUrlGuard(boolean allowInsecureLocal, HostResolver resolver) {
        this.allowInsecureLocal = allowInsecureLocal;
        this.resolver = resolver;
    }

    /** The URL to call, or a {@link RefusedUrlException} saying why it must not be called. */
    public URI check(String url) {
        URI uri = parse(url);
        String host = hostOf(uri);
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            throw new RefusedUrlException(
                    "the host '" + host + "' is the local machine; webhook URLs must reach a public server");
        }
        if (host.startsWith("[")) {
            checkIpv6Literal(host);
        } else if (Ipv4Notation.looksLikeIpv4(host)) {
            checkIpv4Literal(host);
        } else {
            checkResolved(host);
        }
        return uri;
    }

    private URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new RefusedUrlException("a webhook URL is required");
        }
        if (url.length() > MAX_LENGTH) {
            throw new RefusedUrlException("the webhook URL is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new RefusedUrlException("'" + url + "' is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean allowed = scheme.equals("https") || (allowInsecureLocal && scheme.equals("http"));
        if (!allowed) {
            throw new RefusedUrlException(
                    "webhook URLs must use https, not '" + (scheme.isEmpty() ? url : scheme) + "'");
        }
        if (uri.getPort() == 0 || uri.getPort() > MAX_PORT) {
            throw new RefusedUrlException("the port " + uri.getPort() + " does not exist: ports run from 1 to " + MAX_PORT);
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedUrlException(
                    "webhook URLs must not contain credentials (user@host): the URL is stored unencrypted");
        }
        return uri;
    }

    private static String hostOf(URI uri) {
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new RefusedUrlException("the webhook URL has no valid host name");
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    private void checkIpv6Literal(String host) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host); // bracketed: parsed as a literal, never looked up
        } catch (UnknownHostException e) {
            throw new RefusedUrlException("the host '" + host + "' is not a valid IPv6 address");
        }
        // Java turns ::ffff:a.b.c.d into an Inet4Address: that, or any embedded IPv4, is a disguise.
        boolean disguised = address instanceof Inet4Address || !AddressCategory.embeddedIpv4(address).isEmpty();
        checkLiteral(host, address, !disguised);
    }

    private void checkIpv4Literal(String host) {
        byte[] bytes = Ipv4Notation.parse(host)
                .orElseThrow(() -> new RefusedUrlException("the host '" + host + "' is not a valid IPv4 address"));
        if (!Ipv4Notation.isCanonical(host, bytes)) {
            throw new RefusedUrlException("the host '" + host + "' is an IPv4 address in a non-standard notation "
                    + "(it means " + Ipv4Notation.dotted(bytes) + "); use a DNS name or four decimal numbers");
        }
        try {
            checkLiteral(host, InetAddress.getByAddress(bytes), true);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private void checkLiteral(String host, InetAddress address, boolean plainLiteral) {
        AddressCategory category = AddressCategory.of(address);
        if (category == AddressCategory.PUBLIC) {
            return;
        }
        if (category == AddressCategory.LOOPBACK && allowInsecureLocal && plainLiteral) {
            return;
        }
        throw new RefusedUrlException("the host '" + host + "' is " + category.description()
                + "; webhook URLs must reach a public server");
    }

    private void checkResolved(String host) {
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new RefusedUrlException("the host '" + host + "' could not be resolved");
        }
        if (addresses.isEmpty()) {
            throw new RefusedUrlException("the host '" + host + "' could not be resolved");
        }
        for (InetAddress address : addresses) {
            AddressCategory category = AddressCategory.of(address);
            if (category != AddressCategory.PUBLIC) {
                throw new RefusedUrlException("the host '" + host + "' resolves to " + address.getHostAddress()
                        + ", " + category.description() + "; webhook URLs must reach a public server");
            }
        }
    }
}
