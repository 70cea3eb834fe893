package dev.ticklist.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The body read whole whatever length the request declares. */
class JsonRecordBodyTest {

    private static final String BODY = "{\"itemIds\":[\"linear-regression\"]}";

    @Test
    void aBodyOfItsDeclaredLengthIsReadWhole() throws Exception {
        assertThat(read(BODY, BODY.length())).isEqualTo(BODY);
    }

    @Test
    void whatFollowsADeclaredLengthTooShortIsStillRead() throws Exception {
        assertThat(read(BODY, 5)).isEqualTo(BODY);
    }

    @Test
    void aBodyEndingBeforeItsDeclaredLengthIsWhatArrived() throws Exception {
        assertThat(read(BODY, BODY.length() + 10)).isEqualTo(BODY);
    }

    @Test
    void aBodyOfNoDeclaredLengthIsReadWhole() throws Exception {
        assertThat(read(BODY, -1)).isEqualTo(BODY);
    }

    @Test
    void aLargeDeclaredLengthIsNotAllocatedUpFront() throws Exception {
        assertThat(read(BODY, Integer.MAX_VALUE)).isEqualTo(BODY);
    }

    @Test
    void anEmptyBodyIsEmpty() throws Exception {
        assertThat(read("", 0)).isEmpty();
    }

    private static String read(String content, long declared) throws Exception {
        var request = new MockHttpServletRequest() {
            @Override
            public long getContentLengthLong() {
                return declared;
            }
        };
        request.setContent(content.getBytes(StandardCharsets.UTF_8));
        return new String(JsonRecordBody.bodyOf(request), StandardCharsets.UTF_8);
    }
}
