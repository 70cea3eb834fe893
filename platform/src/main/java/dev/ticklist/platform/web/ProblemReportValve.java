package dev.ticklist.platform.web;

import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatusCode;

/**
 * Tomcat's own error page, for what fails before Spring sees the request (headers over the
 * limit, a malformed request line), as a problem document instead of Tomcat's HTML.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var problem = TypedProblems.forStatus(HttpStatusCode.valueOf(status));
        if (status == 400) { // Tomcat's 400s are requests it could not read
            problem.setDetail("the request could not be read: its request line or headers are malformed,"
                    + " or over the service's limit");
        }
        try {
            ProblemResponses.write(response, problem);
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the answer was already started: nothing more to tell.
        }
    }
}
