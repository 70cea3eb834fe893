package dev.ticklist.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Enumeration;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall, every header name and value checked once as the request
 * arrives ({@link PrintableText}) rather than on every read: the strict firewall's request checks
 * a header each time it is read by name, and services read the same few many times a request
 * (a fortieth of checklist-service's CPU per tick, docs/benchmarks.md, "Session 17"). A header
 * nothing reads is checked too now. Parameters are still checked when read, as reading them all
 * up front could consume a form body.
 */
public final class HeadersCheckedOnceHttpFirewall implements HttpFirewall {

    private final StrictHttpFirewall strict = new StrictHttpFirewall();

    public HeadersCheckedOnceHttpFirewall() {
        strict.setAllowedHeaderNames(name -> true); // checked here, once
        strict.setAllowedHeaderValues(value -> true);
        strict.setAllowedParameterNames(PrintableText::isAllowed);
        strict.setAllowedParameterValues(PrintableText::isAllowed);
    }

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
        FirewalledRequest firewalled = strict.getFirewalledRequest(request);
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            if (!PrintableText.isAllowed(name)) {
                throw new RequestRejectedException("The request was rejected because a header name is not allowed.");
            }
            for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements(); ) {
                if (!PrintableText.isAllowed(values.nextElement())) {
                    throw new RequestRejectedException(
                            "The request was rejected because the header \"" + name + "\" has a value that is not allowed.");
                }
            }
        }
        return firewalled;
    }

    @Override
    public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
        return strict.getFirewalledResponse(response);
    }
}
