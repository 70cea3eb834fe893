package dev.ticklist.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeySecretTest {

    private static final String WELL_FORMED = "tk_" + "A".repeat(43);

    @Test
    void aNewKeyIsTkAnd256RandomBitsInBase64Url() {
        var keys = new HashSet<String>();
        IntStream.range(0, 1000).forEach(i -> keys.add(ApiKeySecret.generate().value()));

        assertThat(keys).hasSize(1000).allSatisfy(key -> assertThat(key).matches("tk_[A-Za-z0-9_-]{43}"));
    }

    @Test
    void theHashIsTheLowercaseHexSha256OfTheKey() {
        // echo -n tk_AAA… | sha256sum
        assertThat(new ApiKeySecret(WELL_FORMED).sha256())
                .isEqualTo("129372c89d40b9404c6a9923e87fea2e601c6149ecc5310ac5ef92e00f5df233");
    }

    @Test
    void peopleSeeOnlyThePrefix() {
        var secret = new ApiKeySecret(WELL_FORMED);

        assertThat(secret.displayPrefix()).isEqualTo("tk_AAAAA");
        assertThat(secret.toString()).doesNotContain(WELL_FORMED);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"tk_", "tk_AAAA", "TK_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "tk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+", "tk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "tk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", " tk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "tk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n", "eyJhbGciOiJIUzI1NiJ9.e30.c2ln"})
    void anythingElseIsNotAKey(String presented) {
        assertThat(ApiKeySecret.parse(presented)).isEmpty();
    }
}
