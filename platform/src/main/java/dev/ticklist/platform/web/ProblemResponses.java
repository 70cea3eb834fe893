package dev.ticklist.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem document straight to a servlet response, for what answers before or outside MVC. */
public final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.shared();

    private ProblemResponses() {
    }

    public static void write(HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TypedProblems.TYPE_PREFIX + code));
        response.setStatus(status.value());
        write(response, problem);
    }

    static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        var members = new LinkedHashMap<String, Object>();
        members.put("type", String.valueOf(problem.getType()));
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        members.put("detail", problem.getDetail());
        response.setContentType("application/problem+json");
        response.getOutputStream().write(JSON.writeValueAsBytes(members));
    }
}
