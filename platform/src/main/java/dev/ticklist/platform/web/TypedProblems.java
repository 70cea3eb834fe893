package dev.ticklist.platform.web;

import java.net.URI;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;

/**
 * The type and detail of a problem Spring MVC or the servlet container raised rather than our
 * code: one {@code urn:ticklist:problem:} type per status, and a detail that names what the
 * caller can change without repeating their headers or Spring's internal messages.
 */
public final class TypedProblems {

    static final String TYPE_PREFIX = "urn:ticklist:problem:";

    private TypedProblems() {
    }

    static boolean isTyped(ProblemDetail problem) {
        return problem.getType() != null && problem.getType().toString().startsWith(TYPE_PREFIX);
    }

    static void type(ProblemDetail problem, Exception exception, HttpStatusCode status) {
        problem.setType(URI.create(TYPE_PREFIX + code(status)));
        problem.setDetail(detail(exception, status));
    }

    /** The problem for a bare status, as the container's error page and {@code /error} answer it. */
    public static ProblemDetail forStatus(HttpStatusCode status) {
        var problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_PREFIX + code(status)));
        problem.setDetail(detail(null, status));
        return problem;
    }

    static String code(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "invalid-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "body-too-large";
            case 415 -> "unsupported-media-type";
            case 431 -> "headers-too-large";
            case 500 -> "internal-error";
            case 503 -> "unavailable";
            default -> {
                var known = HttpStatus.resolve(status.value());
                yield known == null ? "error-" + status.value()
                        : known.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
            }
        };
    }

    private static String detail(Exception exception, HttpStatusCode status) {
        if (exception instanceof HttpRequestMethodNotSupportedException refused && refused.getSupportedMethods() != null) {
            return "this path does not take " + refused.getMethod() + "; it takes "
                    + String.join(", ", refused.getSupportedMethods());
        }
        if (exception instanceof HttpMediaTypeNotSupportedException unsupported) {
            return "this operation takes a body of type " + unsupported.getSupportedMediaTypes().stream()
                    .map(MediaType::toString).collect(Collectors.joining(" or "));
        }
        if (exception instanceof MissingServletRequestParameterException missing) {
            return "the query parameter '" + missing.getParameterName() + "' is required";
        }
        if (exception instanceof TypeMismatchException mismatch && mismatch.getPropertyName() != null) {
            Class<?> type = mismatch.getRequiredType();
            return "'" + mismatch.getPropertyName() + "' must be " + (type == null ? "another value" : kindOf(type));
        }
        return switch (status.value()) {
            case 400 -> "the request is not one this operation takes";
            case 404 -> "nothing is served at this path";
            case 405 -> "this path does not take that method";
            case 406 -> "this operation cannot answer in a media type the request accepts";
            case 413 -> "the request body is over the service's limit";
            case 415 -> "this operation does not take a body of that type";
            case 431 -> "the request's headers are over the service's limit";
            default -> status.is5xxServerError() ? "the service failed to handle the request; it has been logged"
                    : "the request could not be handled";
        };
    }

    private static String kindOf(Class<?> type) {
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "a valid " + type.getSimpleName();
    }
}
