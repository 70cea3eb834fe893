package dev.ticklist.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container forwards to {@code /error} (an error raised outside MVC, in a
 * filter, say) answered as a problem document with a type and no exception message, in place of
 * Boot's {@code BasicErrorController}. Called directly, {@code /error} is a path like any other
 * that serves nothing: 404, never the 500 Boot answers for an error that did not happen.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        var status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400
                ? HttpStatusCode.valueOf(code) : HttpStatus.NOT_FOUND;
        return ResponseEntity.status(status).contentType(PROBLEM).body(TypedProblems.forStatus(status));
    }
}
