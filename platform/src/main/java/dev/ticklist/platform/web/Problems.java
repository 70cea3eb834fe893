package dev.ticklist.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 9457 problem documents for the caller's mistakes. Each is an {@link ErrorResponseException},
 * so Spring MVC renders it as {@code application/problem+json} with nothing else to configure.
 */
public final class Problems {

    private Problems() {
    }

    public static ErrorResponseException notFound(String what) {
        return problem(HttpStatus.NOT_FOUND, "not-found", what);
    }

    public static ErrorResponseException conflict(String code, String detail) {
        return problem(HttpStatus.CONFLICT, code, detail);
    }

    public static ErrorResponseException invalid(String code, String detail) {
        return problem(HttpStatus.BAD_REQUEST, code, detail);
    }

    /** A field of the body and the constraint it breaks, as {@code errors} lists it. */
    public static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    /**
     * Fields of the body that break their constraints ({@link #fieldError}s, in order): the one
     * answer for bean validation's failures ({@link RequestProblems}) and for checks written by
     * hand — {@code invalid-request}, a detail naming each, and {@code errors}.
     */
    public static ErrorResponseException invalidFields(List<Map<String, String>> errors) {
        var exception = invalid("invalid-request", String.join("; ", errors.stream()
                .map(error -> error.get("field") + " " + error.get("message")).toList()));
        exception.getBody().setProperty("errors", errors);
        return exception;
    }

    public static ErrorResponseException forbidden(String detail) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", detail);
    }

    public static ErrorResponseException unavailable(String code, String detail) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, code, detail);
    }

    public static ErrorResponseException problem(HttpStatus status, String code, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:ticklist:problem:" + code));
        return new ErrorResponseException(status, problem, null);
    }
}
