package dev.ticklist.gateway.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Drops the hop-by-hop headers of a request on its way to a service and of the answer on its way
 * back, as Spring Cloud Gateway's {@link RemoveHopByHopHeadersFilter} does (the same names, the
 * names a {@code Connection} header lists), with names compared regardless of case instead of
 * lowercased into a new set for every request. A request's are dropped by
 * {@link IdentityHandOffFilter}, in the copy of the headers it edits anyway ({@link #removeFrom}):
 * a filter of its own made one more copy of every header of every request. An answer's are
 * dropped here, in the place among the header filters Spring Cloud Gateway's filter takes.
 * Spring Cloud Gateway's filter could be given other names and another order by setting it up;
 * nothing here ever did, and this one takes its defaults.
 */
final class HopByHopHeadersFilter implements HttpHeadersFilter, Ordered {

    private static final Set<String> HOP_BY_HOP = caseInsensitive(RemoveHopByHopHeadersFilter.HEADERS_REMOVED_ON_REQUEST);
    private static final int ORDER = new RemoveHopByHopHeadersFilter().getOrder();

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        var filtered = HttpHeaders.copyOf(input);
        removeFrom(filtered);
        return filtered;
    }

    /** Removes the hop-by-hop headers, and those the {@code Connection} header lists, in place. */
    static void removeFrom(HttpHeaders headers) {
        List<String> options = headers.getConnection();
        Set<String> listed = options.isEmpty() ? Set.of() : caseInsensitive(options);
        var dropped = new ArrayList<String>(2);
        for (String name : headers.headerNames()) {
            if (HOP_BY_HOP.contains(name) || listed.contains(name)) {
                dropped.add(name);
            }
        }
        dropped.forEach(headers::remove);
    }

    private static Set<String> caseInsensitive(Iterable<String> names) {
        var set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.forEach(set::add);
        return set;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.RESPONSE;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
