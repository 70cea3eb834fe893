package dev.ticklist.platform.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

/**
 * A {@code @PathVariable String}: the path's decoded value as the handler mapping matched it,
 * without the data binder and type conversion Spring's resolver runs to turn a string into a
 * string (no {@code @InitBinder} anywhere changes that; the conversion service's cache compares
 * annotation proxies on every lookup, about 3 % of a tick's CPU in checklist-service). A value the
 * path does not hold goes to Spring's resolver, which answers for it as always.
 */
final class PathVariableText implements HandlerMethodArgumentResolver {

    private final HandlerMethodArgumentResolver spring;
    private final Map<MethodParameter, String> names = new ConcurrentHashMap<>();

    PathVariableText(HandlerMethodArgumentResolver spring) {
        this.spring = spring;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == String.class && parameter.hasParameterAnnotation(PathVariable.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) throws Exception {
        @SuppressWarnings("unchecked")
        var values = (Map<String, String>) webRequest.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
                RequestAttributes.SCOPE_REQUEST);
        String value = values == null ? null : values.get(names.computeIfAbsent(parameter, PathVariableText::nameOf));
        return value != null ? value : spring.resolveArgument(parameter, mavContainer, webRequest, binderFactory);
    }

    private static String nameOf(MethodParameter parameter) {
        PathVariable annotation = parameter.getParameterAnnotation(PathVariable.class);
        if (annotation != null && !annotation.name().isEmpty()) {
            return annotation.name();
        }
        if (annotation != null && !annotation.value().isEmpty()) {
            return annotation.value();
        }
        return parameter.getParameterName();
    }
}
