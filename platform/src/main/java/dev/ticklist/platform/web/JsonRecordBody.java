package dev.ticklist.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.MethodParameter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code @RequestBody} record sent as {@code application/json}, read by the mapper Spring MVC's
 * JSON converter uses, without the general machinery around it: content negotiation over every
 * converter, a copy of every request header, an empty-body probe, a data binder and a search for
 * validation annotations on each request (together about a tenth of a tick's CPU in
 * checklist-service, docs/benchmarks.md). Only a record without type parameters, as a parameter
 * that carries {@code @RequestBody} and nothing else, takes this way. Anything but a well-formed
 * body of a plain JSON content type (another type, an empty body, {@code null}, malformed JSON)
 * goes to Spring's own resolver with the body as read, so every refusal is worded as Spring words
 * it ({@code FastArgumentResolversTest}). What this way skips, and no service uses: a
 * {@code RequestBodyAdvice} (a service that adds one must leave this resolver out), a mapper
 * registered for one type on the converter, and converters ordered before Jackson's.
 */
final class JsonRecordBody implements HandlerMethodArgumentResolver {

    /** Bodies declared up to this long are read into an array of their size. */
    private static final int EXACT_READ_LIMIT = 64 * 1024;

    private final JsonMapper mapper;
    private final HandlerMethodArgumentResolver spring;
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    JsonRecordBody(JsonMapper mapper, HandlerMethodArgumentResolver spring) {
        this.mapper = mapper;
        this.spring = spring;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Annotation[] annotations = parameter.getParameterAnnotations();
        Class<?> type = parameter.getParameterType();
        return type.isRecord() && type.getTypeParameters().length == 0 && annotations.length == 1
                && annotations[0] instanceof RequestBody;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) throws Exception {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        if (request == null || !isPlainJson(request.getContentType())) {
            return spring.resolveArgument(parameter, mavContainer, webRequest, binderFactory);
        }
        byte[] body;
        try {
            body = bodyOf(request);
        } catch (IOException e) {
            // As Spring's resolver does; a body that is not UTF-8 is still answered as such (RequestProblems).
            throw new HttpMessageNotReadableException("I/O error while reading input message", e,
                    new ServletServerHttpRequest(request));
        }
        if (body.length > 0) {
            try {
                Object value = readers.computeIfAbsent(parameter.getParameterType(), mapper::readerFor).readValue(body);
                if (value != null) {
                    return value;
                }
            } catch (JacksonException notReadHere) {
                // Spring's resolver reads it again, and says what is wrong in its own words.
            }
        }
        var replayed = new ServletWebRequest(ReplayableRequest.of(request, body),
                webRequest.getNativeResponse(HttpServletResponse.class));
        return spring.resolveArgument(parameter, mavContainer, replayed, binderFactory);
    }

    /**
     * The whole body. A declared length of a small body is read into an array of that size:
     * {@code readAllBytes} starts every body, however short, with an 8 KiB buffer (about 3 % of a
     * tick's CPU in checklist-service, docs/benchmarks.md). Whatever follows is still read.
     */
    static byte[] bodyOf(HttpServletRequest request) throws IOException {
        InputStream in = request.getInputStream();
        long declared = request.getContentLengthLong();
        if (declared < 0 || declared > EXACT_READ_LIMIT) {
            return in.readAllBytes();
        }
        byte[] body = new byte[(int) declared];
        int read = in.readNBytes(body, 0, body.length);
        if (read < body.length) {
            return Arrays.copyOf(body, read);
        }
        int next = in.read();
        if (next < 0) {
            return body;
        }
        var more = new ByteArrayOutputStream(body.length + 1024);
        more.write(body);
        more.write(next);
        in.transferTo(more);
        return more.toByteArray();
    }

    /** {@code application/json}, alone or with a UTF-8 charset: what clients of the API send. */
    static boolean isPlainJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.strip();
        int semicolon = type.indexOf(';');
        if (semicolon < 0) {
            return type.equalsIgnoreCase("application/json");
        }
        return type.substring(0, semicolon).strip().equalsIgnoreCase("application/json")
                && type.substring(semicolon + 1).replace(" ", "").equalsIgnoreCase("charset=utf-8");
    }
}
