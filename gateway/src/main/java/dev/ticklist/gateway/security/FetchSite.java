package dev.ticklist.gateway.security;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Where a browser says a request came from ({@code Sec-Fetch-Site}). Requests that change a
 * dashboard session or make a write through one must come from the dashboard's own pages;
 * programs, which send no such header, are not browsers and carry no cookie to abuse.
 */
public final class FetchSite {

    private FetchSite() {
    }

    /** True when a browser says another site's page (or a sibling subdomain's) made the request. */
    public static boolean fromAnotherSite(ServerHttpRequest request) {
        String site = site(request);
        return site != null && !site.equals("same-origin") && !site.equals("none");
    }

    /** Stricter, for writes: true unless a browser says nothing, or that a page of this origin made it. */
    public static boolean notFromThisOrigin(ServerHttpRequest request) {
        String site = site(request);
        return site != null && !site.equals("same-origin");
    }

    private static String site(ServerHttpRequest request) {
        return request.getHeaders().getFirst("Sec-Fetch-Site");
    }
}
