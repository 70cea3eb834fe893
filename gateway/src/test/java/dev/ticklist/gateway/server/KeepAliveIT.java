package dev.ticklist.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.gateway.GatewayIT;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

class KeepAliveIT extends GatewayIT {

    @LocalServerPort
    private int port;

    @Test
    void aConnectionKeepsServingAfterAnImmediateAnswerFollowsAProxiedOne() throws IOException {
        String key = keyWithScopes("org_keepalive", "read");
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            var out = socket.getOutputStream();
            // Pipelined: a proxied request (answered later, from another thread), then one answered at once.
            out.write(("GET /api/v1/cohorts HTTP/1.1\r\nHost: gateway\r\nX-Api-Key: " + key + "\r\n\r\n"
                    + "GET /nothing-here HTTP/1.1\r\nHost: gateway\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String first = readResponses(socket.getInputStream(), 2);
            assertThat(first).contains("HTTP/1.1 200").contains("HTTP/1.1 404");

            out.write("GET /actuator/health/liveness HTTP/1.1\r\nHost: gateway\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponses(socket.getInputStream(), 1)).startsWith("HTTP/1.1 200");
        }
    }

    /** Reads until {@code count} complete responses (all with Content-Length) have arrived. */
    private static String readResponses(InputStream in, int count) throws IOException {
        var received = new ByteArrayOutputStream();
        var buffer = new byte[8192];
        try {
            while (completeResponses(received.toString(StandardCharsets.UTF_8)) < count) {
                int read = in.read(buffer);
                if (read < 0) {
                    break;
                }
                received.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within 5 s; received so far: " + received, e);
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    private static int completeResponses(String text) {
        int complete = 0;
        int at = 0;
        while (true) {
            int headersEnd = text.indexOf("\r\n\r\n", at);
            if (headersEnd < 0) {
                return complete;
            }
            var lengthHeader = java.util.regex.Pattern.compile("(?i)content-length:\\s*(\\d+)")
                    .matcher(text.substring(at, headersEnd));
            int length = lengthHeader.find() ? Integer.parseInt(lengthHeader.group(1)) : 0;
            int end = headersEnd + 4 + length;
            if (text.length() < end) {
                return complete;
            }
            complete++;
            at = end;
        }
    }
}
