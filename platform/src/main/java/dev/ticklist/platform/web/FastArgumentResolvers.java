package dev.ticklist.platform.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.PathVariableMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor;

/**
 * Puts {@link JsonRecordBody} and {@link PathVariableText} ahead of Spring MVC's resolvers (the
 * resolvers an application adds otherwise come after Spring's, which would take these parameters
 * first), each handing what it does not take to the Spring resolver it stands in front of.
 */
final class FastArgumentResolvers implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getArgumentResolvers() != null) {
            var resolvers = adapter.getArgumentResolvers();
            var json = adapter.getMessageConverters().stream()
                    .filter(JacksonJsonHttpMessageConverter.class::isInstance)
                    .map(JacksonJsonHttpMessageConverter.class::cast).findFirst();
            var body = first(resolvers, RequestResponseBodyMethodProcessor.class);
            var path = first(resolvers, PathVariableMethodArgumentResolver.class);
            var ordered = new ArrayList<HandlerMethodArgumentResolver>();
            if (json.isPresent() && body != null) {
                ordered.add(new JsonRecordBody(json.get().getMapper(), body));
            }
            if (path != null) {
                ordered.add(new PathVariableText(path));
            }
            ordered.addAll(resolvers);
            adapter.setArgumentResolvers(ordered);
        }
        return bean;
    }

    private static HandlerMethodArgumentResolver first(List<HandlerMethodArgumentResolver> resolvers, Class<?> type) {
        return resolvers.stream().filter(type::isInstance).findFirst().orElse(null);
    }
}
