package dev.ticklist.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import tools.jackson.databind.json.JsonMapper;

/** The fast resolvers answer every request as Spring MVC's own do, good or bad. */
class FastArgumentResolversTest {

    record Evidence(String url, String note) {
    }

    record Ticks(List<String> itemIds, Evidence evidence) {
    }

    @RestController
    static class Echo {
        @PostMapping("/cohorts/{cohortId}/learners/{learner}/ticks")
        Map<String, Object> tick(@PathVariable String cohortId, @PathVariable("learner") String learnerId,
                                 @RequestBody Ticks ticks) {
            return Map.of("cohortId", cohortId, "learnerId", learnerId, "ticks", ticks);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebMvc
    static class Web {
        @Bean
        Echo echo() {
            return new Echo();
        }

        @Bean
        RequestProblems requestProblems() {
            return new RequestProblems();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Fast {
        @Bean
        static FastArgumentResolvers fastArgumentResolvers() {
            return new FastArgumentResolvers();
        }
    }

    private static final AnnotationConfigWebApplicationContext SPRINGS = context(Web.class);
    private static final AnnotationConfigWebApplicationContext FAST = context(Web.class, Fast.class);

    private static AnnotationConfigWebApplicationContext context(Class<?>... configurations) {
        var context = new AnnotationConfigWebApplicationContext();
        context.setServletContext(new MockServletContext());
        context.register(configurations);
        context.refresh();
        return context;
    }

    private static MockMvc mvc(AnnotationConfigWebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context).addFilters(new Utf8Body(new StreamedPaths(List.of()))).build();
    }

    static List<Object[]> requests() {
        byte[] notUtf8 = {'{', '"', 'i', 't', 'e', 'm', 'I', 'd', 's', '"', ':', '[', '"', (byte) 0xC0, (byte) 0x80, '"', ']', '}'};
        var cases = new ArrayList<Object[]>();
        String path = "/cohorts/coh_1/learners/ada/ticks";
        cases.add(new Object[] {"a tick", path, "application/json", bytes("{\"itemIds\":[\"linear-regression\"]}")});
        cases.add(new Object[] {"with evidence", path, "application/json",
                bytes("{\"itemIds\":[\"a\",\"b\"],\"evidence\":{\"url\":\"https://example.org/x\",\"note\":\"ok\"}}")});
        cases.add(new Object[] {"a UTF-8 charset", path, "application/json; charset=utf-8", bytes("{\"itemIds\":[\"é\"]}")});
        cases.add(new Object[] {"another charset", path, "application/json;charset=ISO-8859-1", bytes("{\"itemIds\":[\"a\"]}")});
        cases.add(new Object[] {"a +json type", path, "application/merge-patch+json", bytes("{\"itemIds\":[\"a\"]}")});
        cases.add(new Object[] {"malformed JSON", path, "application/json", bytes("{\"itemIds\":[")});
        cases.add(new Object[] {"an empty body", path, "application/json", new byte[0]});
        cases.add(new Object[] {"null", path, "application/json", bytes("null")});
        cases.add(new Object[] {"a wrong type", path, "application/json", bytes("{\"itemIds\":{\"a\":1}}")});
        cases.add(new Object[] {"an unknown field", path, "application/json", bytes("{\"itemIds\":[\"a\"],\"extra\":1}")});
        cases.add(new Object[] {"trailing content", path, "application/json", bytes("{\"itemIds\":[\"a\"]} {}")});
        cases.add(new Object[] {"an array", path, "application/json", bytes("[1,2]")});
        cases.add(new Object[] {"not JSON at all", path, "text/plain", bytes("linear-regression")});
        cases.add(new Object[] {"no content type", path, null, bytes("{\"itemIds\":[\"a\"]}")});
        cases.add(new Object[] {"bytes that are not UTF-8", path, "application/json", notUtf8});
        cases.add(new Object[] {"an encoded path", "/cohorts/caf%C3%A9%20au%2Blait/learners/a%3Bb/ticks", "application/json",
                bytes("{\"itemIds\":[\"a\"]}")});
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void answersAsSpringMvcDoes(String what, String path, String contentType, byte[] body) throws Exception {
        var springs = answer(mvc(SPRINGS), path, contentType, body);
        var fast = answer(mvc(FAST), path, contentType, body);

        assertThat(fast).as(what).isEqualTo(springs);
    }

    @Test
    void standsInFrontOfSpringsResolvers() {
        var resolvers = FAST.getBean(RequestMappingHandlerAdapter.class).getArgumentResolvers();

        assertThat(resolvers.subList(0, 2)).hasExactlyElementsOfTypes(JsonRecordBody.class, PathVariableText.class);
    }

    @Test
    void aPlainJsonRecordAndAPathValueNeverReachSpringsResolvers() throws Exception {
        var springs = new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return true;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                          NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
                throw new AssertionError("handed to Spring's resolver");
            }
        };
        Method tick = Echo.class.getDeclaredMethod("tick", String.class, String.class, Ticks.class);
        var request = new MockHttpServletRequest("POST", "/cohorts/coh_1/learners/ada/ticks");
        request.setContentType("application/json");
        request.setContent(bytes("{\"itemIds\":[\"a\"]}"));
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("cohortId", "coh_1", "learner", "ada"));
        var web = new ServletWebRequest(request, new MockHttpServletResponse());

        assertThat(new JsonRecordBody(JsonMapper.builder().build(), springs)
                .resolveArgument(new MethodParameter(tick, 2), null, web, null)).isEqualTo(new Ticks(List.of("a"), null));
        assertThat(new PathVariableText(springs).resolveArgument(new MethodParameter(tick, 1), null, web, null))
                .isEqualTo("ada");
    }

    @Test
    void genericRecordsAndOtherParametersAreLeftToSpring() throws Exception {
        var resolver = new JsonRecordBody(JsonMapper.builder().build(), null);
        Method generic = Generic.class.getDeclaredMethod("take", Box.class, Ticks.class);

        assertThat(resolver.supportsParameter(new MethodParameter(generic, 0))).isFalse();
        assertThat(resolver.supportsParameter(new MethodParameter(generic, 1))).isFalse();
    }

    record Box<T>(T value) {
    }

    static class Generic {
        void take(@RequestBody Box<String> box, @RequestBody @Deprecated Ticks annotatedTwice) {
        }
    }

    @Test
    void takesOnlyPlainJsonThatIsUtf8() {
        assertThat(List.of("application/json", "Application/JSON", " application/json ; charset=UTF-8"))
                .allMatch(JsonRecordBody::isPlainJson);
        assertThat(List.of("application/json;charset=utf-16", "application/problem+json", "text/json", "application/jsonx"))
                .noneMatch(JsonRecordBody::isPlainJson);
    }

    private static List<Object> answer(MockMvc mvc, String path, String contentType, byte[] body) throws Exception {
        MockHttpServletRequestBuilder request = post(path).content(body);
        if (contentType != null) {
            request.contentType(contentType);
        }
        MvcResult result = mvc.perform(request).andReturn();
        var response = result.getResponse();
        return List.of(response.getStatus(), String.valueOf(response.getContentType()),
                response.getContentAsString(StandardCharsets.UTF_8),
                String.valueOf(result.getResolvedException() == null ? null : result.getResolvedException().getClass()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
