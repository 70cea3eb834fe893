package dev.ticklist.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring's problem details, with the caller's mistakes spelled out: which field is wrong and why,
 * instead of "Invalid request content". Replaces Boot's default handler of the same kind. Every
 * problem it answers carries a {@code urn:ticklist:problem:} type, and a detail of our own words:
 * Spring's would repeat internal names ("No static resource …") or the caller's headers.
 */
@RestControllerAdvice
public class RequestProblems extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RequestProblems.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = exception.getBindingResult().getFieldErrors().stream()
                .map(RequestProblems::describe)
                .toList();
        return handleExceptionInternal(exception, Problems.invalidFields(errors).getBody(), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var notUtf8 = invalidUtf8(exception);
        if (notUtf8 != null) {
            return handleExceptionInternal(exception, notUtf8Problem(notUtf8), headers, HttpStatus.BAD_REQUEST, request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the request body is missing or is not the JSON this operation takes");
        problem.setType(URI.create("urn:ticklist:problem:unreadable-request"));
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * Redis (or another store behind Spring's data access) did not answer, or not in time: not
     * the caller's mistake, and likely gone in a moment, so 503 with a problem and
     * {@code Retry-After} instead of a 500 without a type. Any other data access failure (a bad
     * command, a script error) is a fault of ours and stays a 500.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Object> storeUnavailable(DataAccessException exception, WebRequest request) {
        if (!isUnavailable(exception)) {
            throw exception;
        }
        LOG.warn("the store did not answer: {}", exception.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the service's store did not answer in time; try again shortly");
        problem.setType(URI.create("urn:ticklist:problem:store-unavailable"));
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return handleExceptionInternal(exception, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    /** A body read as text (a Markdown import, say) that is not UTF-8, met outside a message converter. */
    @ExceptionHandler(Utf8Body.InvalidUtf8Exception.class)
    ResponseEntity<Object> notUtf8(Utf8Body.InvalidUtf8Exception exception, WebRequest request) {
        return handleExceptionInternal(exception, notUtf8Problem(exception), new HttpHeaders(), HttpStatus.BAD_REQUEST,
                request);
    }

    private static ProblemDetail notUtf8Problem(Utf8Body.InvalidUtf8Exception exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the request body is not valid UTF-8 (byte " + exception.offset() + "): send it as UTF-8, unchanged");
        problem.setType(URI.create("urn:ticklist:problem:invalid-utf8"));
        return problem;
    }

    private static Utf8Body.InvalidUtf8Exception invalidUtf8(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof Utf8Body.InvalidUtf8Exception invalid) {
                return invalid;
            }
        }
        return null;
    }

    /** A timeout or a lost connection, also when a pipeline reports it as its cause. */
    static boolean isUnavailable(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
        }
        return false;
    }

    /** Whatever Spring MVC itself refused (405, 415, an unknown path, a value of the wrong type): typed, in our words. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        Object answer = body == null && exception instanceof ErrorResponse response ? response.getBody() : body;
        if (answer instanceof ProblemDetail problem && !TypedProblems.isTyped(problem)) {
            TypedProblems.type(problem, exception, statusCode);
        }
        return super.handleExceptionInternal(exception, answer, headers, statusCode, request);
    }

    private static Map<String, String> describe(FieldError error) {
        return Problems.fieldError(error.getField(),
                error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage());
    }
}
