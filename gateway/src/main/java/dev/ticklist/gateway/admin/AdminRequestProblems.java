package dev.ticklist.gateway.admin;

import dev.ticklist.gateway.problem.ProblemResponses;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebInputException;

/** Says what is wrong with a request body, where Spring's default says only "Invalid request content". */
@RestControllerAdvice(assignableTypes = OrganisationAdminController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminRequestProblems {

    @ExceptionHandler
    ProblemDetail invalid(WebExchangeBindException exception) {
        String detail = exception.getFieldErrors().stream()
                .map(error -> error.getField() + " " + error.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return ProblemResponses.problem(HttpStatus.BAD_REQUEST, "invalid-request", detail);
    }

    @ExceptionHandler
    ProblemDetail unreadable(ServerWebInputException exception) {
        return ProblemResponses.problem(HttpStatus.BAD_REQUEST, "invalid-request",
                "the body must be JSON like {\"name\": \"Acme Academy\"}");
    }
}
