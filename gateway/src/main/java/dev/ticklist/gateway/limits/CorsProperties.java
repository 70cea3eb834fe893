package dev.ticklist.gateway.limits;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which web pages (dashboards) may call the API from a browser.
 *
 * @param allowedOrigins exact origins such as {@code https://dashboard.example.org}; empty: no
 *                       page on another origin may call the API
 */
@ConfigurationProperties("ticklist.gateway.cors")
public record CorsProperties(@DefaultValue List<String> allowedOrigins) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : allowedOrigins.stream()
                .map(String::strip)
                .filter(origin -> !origin.isEmpty())
                .map(CorsProperties::origin)
                .distinct()
                .toList();
    }

    /** An origin is a scheme, a host and maybe a port; anything else is a mistake worth failing on. */
    private static String origin(String value) {
        String origin = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        try {
            var uri = new URI(origin);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawPath().isEmpty() && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null) {
                return origin;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new IllegalArgumentException("ticklist.gateway.cors.allowed-origins (TICKLIST_GATEWAY_CORS_ALLOWED_ORIGINS)"
                + " takes origins like https://dashboard.example.org, comma-separated; '" + value + "' is not one");
    }
}
