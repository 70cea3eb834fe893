package dev.ticklist.platform.kafka;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.http.ProblemDetail;

/** The broker did not take an event: nothing happened, and the caller may retry. */
public class EventNotPublishedException extends ErrorResponseException {

    public EventNotPublishedException(String message, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(message), cause);
    }

    private static ProblemDetail problem(String message) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                message + "; nothing was recorded, retry the request");
        problem.setType(URI.create("urn:ticklist:problem:event-store-unavailable"));
        return problem;
    }
}
