package dev.ticklist.checklist.tick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class EvidenceTest {

    @Test
    void aLinkANoteOrBothAreTakenAsGiven() {
        assertThat(new Evidence("https://github.com/ada/house-prices", null).url())
                .isEqualTo("https://github.com/ada/house-prices");
        assertThat(new Evidence(null, "Certificate from the course").note()).isEqualTo("Certificate from the course");
        for (String url : new String[] {"http://example.org", "HTTPS://Example.org/Path?q=1&r=%C3%A9#readme",
                "https://example.org:8443/x", "http://[2001:db8::1]/cert.pdf", "https://xn--bcher-kva.example/",
                "https://github.com/ada/x/blob/main/README.md#L10-L20", "https://example.org/" + "a".repeat(2028)}) {
            assertThat(new Evidence(url, "note").url()).as(url).isEqualTo(url);
        }
        String note = "Gödel, Escher, Bach — 读书笔记 ✅";
        assertThat(new Evidence(null, note).note()).isEqualTo(note);
    }

    @Test
    void aLinkIsNeverLookedUpSoAHostThatDoesNotResolveIsTaken() {
        assertThat(new Evidence("https://no-such-host.invalid/project", null).url())
                .isEqualTo("https://no-such-host.invalid/project");
    }

    @Test
    void everyKindOfBadLinkIsRefusedWithAReason() {
        String[][] cases = {
                {"", "is empty"},
                {"https://example.org/" + "a".repeat(2029), "is 2049 characters long; at most 2048"},
                {"https://example.org/a b", "U+0020 (a space) at character 22"},
                {" https://example.org/", "U+0020 (a space) at character 1"},
                {"https://example.org/\n", "U+000A (a control character or white space)"},
                {"https://example.org/\t", "U+0009"},
                {"https://example.org/\u0000", "U+0000"},
                {"https://example.org/\u007f", "U+007F"},
                {"https://example.org/\u202Egnp.exe", "U+202E (a character outside ASCII)"},
                {"https://bücher.example/", "U+00FC (a character outside ASCII) at character 10"},
                {"https://example.org/\u00a0", "U+00A0"},
                {"github.com/ada/house-prices", "is not an absolute URL"},
                {"/ada/house-prices", "is not an absolute URL"},
                {"#readme", "is not an absolute URL"},
                {"//example.org/x", "is not an absolute URL"},
                {"ftp://example.org/x", "uses 'ftp:'"},
                {"javascript:alert(1)", "uses 'javascript:'"},
                {"data:text/html,hi", "uses 'data:'"},
                {"file:///etc/passwd", "uses 'file:'"},
                {"https:example.org", "has no host"},
                {"https:///x", "has no host"},
                {"https://#readme", "has no host"},
                {"https://?q=1", "has no host"},
                {"https://ada:secret@example.org/", "user name or password"},
                {"https://ada@example.org/", "user name or password"},
                {"https://a@b@example.org/", "user name or password"},
                {"https://exa_mple.org/", "has no valid host name"},
                {"https://:443/", "has no valid host name"},
                {"https://example.org:0/", "has port 0"},
                {"https://example.org:70000/", "has port 70000"},
                {"https://example.org/%zz", "is not a valid URL: malformed escape pair at character 21"},
                {"https://example.org/a|b", "is not a valid URL: illegal character in path"},
                {"https://[zz]/", "is not a valid URL"},
        };
        for (String[] bad : cases) {
            assertThatThrownBy(() -> new Evidence(bad[0], null)).as(bad[0])
                    .isInstanceOfSatisfying(ErrorResponseException.class, problem -> {
                        assertThat(problem.getStatusCode().value()).isEqualTo(400);
                        assertThat(problem.getBody().getType()).hasToString("urn:ticklist:problem:bad-evidence-url");
                        assertThat(problem.getBody().getDetail()).startsWith("evidence url ").contains(bad[1]);
                    });
        }
    }

    @Test
    void aNoteIsOneLineOfPlainTextOfAtMost280Characters() {
        assertThat(new Evidence(null, "x".repeat(280)).note()).hasSize(280);
        assertThat(new Evidence(null, "🎓".repeat(280)).note()).as("characters, not UTF-16 units").hasSize(560);
        String[][] cases = {
                {"", "is blank"},
                {"   ", "is blank"},
                {"x".repeat(281), "is 281 characters long; at most 280"},
                {"🎓".repeat(281), "is 281 characters long"},
                {"line one\nline two", "U+000A (a control character) at character 9"},
                {"tab\there", "U+0009"},
                {"nul\u0000", "U+0000"},
                {"escape \u001b[31m", "U+001B"},
                {"cert \u202Efdp.exe", "U+202E (a bidirectional control)"},
                {"isolate \u2067x", "U+2067"},
                {"half \uD83C pair", "half of a surrogate pair"},
                {"unassigned \u0378", "an unassigned code point"},
        };
        for (String[] bad : cases) {
            assertThatThrownBy(() -> new Evidence("https://example.org/", bad[0])).as(bad[0])
                    .isInstanceOfSatisfying(ErrorResponseException.class, problem -> {
                        assertThat(problem.getStatusCode().value()).isEqualTo(400);
                        assertThat(problem.getBody().getType()).hasToString("urn:ticklist:problem:bad-evidence-note");
                        assertThat(problem.getBody().getDetail()).startsWith("evidence note ").contains(bad[1]);
                    });
        }
    }

    @Test
    void evidenceWithNeitherLinkNorNoteIsRefusedPointingToDelete() {
        assertThatThrownBy(() -> new Evidence(null, null))
                .isInstanceOfSatisfying(ErrorResponseException.class, problem -> {
                    assertThat(problem.getBody().getType()).hasToString("urn:ticklist:problem:empty-evidence");
                    assertThat(problem.getBody().getDetail()).contains("DELETE");
                });
    }
}
