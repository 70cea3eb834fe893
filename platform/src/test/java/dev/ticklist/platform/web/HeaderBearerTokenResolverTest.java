package dev.ticklist.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.testsupport.RandomSeed;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The same answers as Spring Security's resolver for every {@code Authorization} header, without its regex. */
class HeaderBearerTokenResolverTest {

    @RegisterExtension
    static final RandomSeed SEED = new RandomSeed();

    private static final String ALPHABET = "aZ09-._~+/= \tbBeEarRé%,";

    private final BearerTokenResolver ours = new HeaderBearerTokenResolver();
    private final BearerTokenResolver springs = new DefaultBearerTokenResolver();

    @Test
    void answersAsSpringSecuritysResolverOnEdgeCases() {
        var headers = List.of("Bearer eyJhbGciOiJFUzI1NiJ9.e30.sig", "bearer abc", "BEARER abc==", "Bearer abc=d",
                "Bearer", "Bearer ", "Bearer  abc", "Bearerabc", "Basic YWxhZGRpbjpvcGVu", "Bearer a b", "Bearer ==",
                "Bearer a~+/_-.", "Bearer é", "bear", "", "Bearer abc\t");
        for (String header : headers) {
            assertThat(answer(ours, header)).as(header).isEqualTo(answer(springs, header));
        }
        assertThat(answer(ours, null)).isEqualTo(answer(springs, null)).isEqualTo("none");
    }

    @Test
    void answersAsSpringSecuritysResolverOnRandomHeaders() {
        var random = new Random(SEED.value());
        for (int n = 0; n < 20_000; n++) {
            var header = new StringBuilder(random.nextBoolean() ? "Bearer " : random.nextBoolean() ? "bEaReR" : "");
            int length = random.nextInt(10);
            for (int i = 0; i < length; i++) {
                header.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String sample = header.toString();
            assertThat(answer(ours, sample)).as(sample).isEqualTo(answer(springs, sample));
        }
    }

    /** The token, "none", or the error a resolver throws. */
    private static String answer(BearerTokenResolver resolver, String authorization) {
        var request = new MockHttpServletRequest("POST", "/api/v1/cohorts");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        Function<BearerTokenResolver, String> resolve = r -> {
            String token = r.resolve(request);
            return token == null ? "none" : token;
        };
        try {
            return resolve.apply(resolver);
        } catch (OAuth2AuthenticationException e) {
            return "refused: " + e.getError().getDescription();
        }
    }
}
