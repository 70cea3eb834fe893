package dev.ticklist.gateway.limits;

import dev.ticklist.gateway.problem.ProblemResponses;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Headers over {@code server.max-http-request-header-size} (431) and a request line over
 * {@code server.netty.max-initial-line-length} (414) are refused by Reactor Netty's decoder
 * before any filter or handler runs, with an empty body and {@code Connection: close}. This
 * handler sits between the HTTP codec and Reactor Netty's traffic handler and gives those two
 * answers a problem document ({@code headers-too-large}, {@code uri-too-long}) instead. No
 * {@code instance}: the request was never read far enough to know its path. Nothing else is
 * touched: only an empty 431 or 414 written as one full response, which nothing in the gateway
 * writes itself.
 */
@Component
class RequestHeadProblems implements NettyServerCustomizer {

    private static final String HANDLER_NAME = "ticklist.requestHeadProblems";

    private final Rewriter rewriter;

    RequestHeadProblems(JsonMapper json) {
        this.rewriter = new Rewriter(
                document(json, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large",
                        "the request's headers are too large: send fewer or shorter headers"),
                document(json, HttpStatus.URI_TOO_LONG, "uri-too-long",
                        "the request's path and query are too long"));
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            var pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(HANDLER_NAME) == null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, rewriter);
            }
        });
    }

    private static byte[] document(JsonMapper json, HttpStatus status, String code, String detail) {
        var problem = ProblemResponses.problem(status, code, detail);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("type", problem.getType().toString());
        document.put("title", problem.getTitle());
        document.put("status", problem.getStatus());
        document.put("detail", problem.getDetail());
        return json.writeValueAsBytes(document);
    }

    @ChannelHandler.Sharable
    static final class Rewriter extends ChannelOutboundHandlerAdapter {

        private final byte[] headersTooLarge;
        private final byte[] uriTooLong;

        Rewriter(byte[] headersTooLarge, byte[] uriTooLong) {
            this.headersTooLarge = headersTooLarge;
            this.uriTooLong = uriTooLong;
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof FullHttpResponse response && response.content().readableBytes() == 0) {
                byte[] body = switch (response.status().code()) {
                    case 431 -> headersTooLarge;
                    case 414 -> uriTooLong;
                    default -> null;
                };
                if (body != null) {
                    FullHttpResponse problem = response.replace(Unpooled.wrappedBuffer(body));
                    response.release();
                    problem.headers()
                            .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                            .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                    ctx.write(problem, promise);
                    return;
                }
            }
            ctx.write(msg, promise);
        }
    }
}
