package dev.ticklist.checklist.tick;

import dev.ticklist.events.activity.ItemEvidenceAttached;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The rule for an evidence link: an absolute {@code http} or {@code https} URL with a host, as
 * RFC 3986 writes it — printable ASCII only (anything else percent-encoded, as a browser's address
 * bar copies a link; an international host name in its {@code xn--} form), no user name or password
 * before the host, a port from 1 to 65535, at most {@value ItemEvidenceAttached#MAX_URL}
 * characters. It is only parsed: never fetched, and its host never looked up. A link that breaks
 * the rule is refused with a reason, never cleaned up.
 */
final class EvidenceUrl {

    private static final int MAX_PORT = 65_535;

    private EvidenceUrl() {
    }

    /** Why the URL may not be taken; empty if it may (or if there is none). */
    static Optional<String> problemIn(String url) {
        if (url == null) {
            return Optional.empty();
        }
        if (url.isEmpty()) {
            return Optional.of("is empty: leave it out, or send null, for a note without a link");
        }
        if (url.length() > ItemEvidenceAttached.MAX_URL) {
            return Optional.of("is " + url.length() + " characters long; at most " + ItemEvidenceAttached.MAX_URL);
        }
        var character = notPrintableAscii(url);
        if (character.isPresent()) {
            return character;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL: " + e.getReason().toLowerCase(Locale.ROOT)
                    + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "")
                    + "; percent-encode it as a browser's address bar copies it");
        }
        return problemInParsed(uri);
    }

    private static Optional<String> notPrintableAscii(String url) {
        for (int i = 0; i < url.length(); ) {
            int codePoint = url.codePointAt(i);
            if (codePoint <= 0x20 || codePoint >= 0x7F) {
                String kind = codePoint == ' ' ? "a space"
                        : Character.isISOControl(codePoint) ? "a control character or white space"
                        : "a character outside ASCII";
                return Optional.of(String.format("holds U+%04X (%s) at character %d; percent-encode it, as a "
                        + "browser's address bar copies a link, or remove it", codePoint, kind, i + 1));
            }
            i += Character.charCount(codePoint);
        }
        return Optional.empty();
    }

    private static Optional<String> problemInParsed(URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null) {
            return Optional.of("is not an absolute URL: write it in full, starting with https:// (or http://)");
        }
        String lower = scheme.toLowerCase(Locale.ROOT);
        if (!lower.equals("https") && !lower.equals("http")) {
            return Optional.of("uses '" + scheme + ":'; only https and http links are taken");
        }
        String authority = uri.getRawAuthority();
        if (uri.isOpaque() || authority == null || authority.isEmpty()) {
            return Optional.of("has no host: write it as " + lower + "://host/…");
        }
        if (uri.getRawUserInfo() != null || authority.contains("@")) {
            return Optional.of("holds a user name or password before the host (user:password@); remove it");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("has no valid host name ('" + authority + "')");
        }
        if (uri.getPort() == 0 || uri.getPort() > MAX_PORT) {
            return Optional.of("has port " + uri.getPort() + ", which does not exist: ports run from 1 to " + MAX_PORT);
        }
        return Optional.empty();
    }
}
