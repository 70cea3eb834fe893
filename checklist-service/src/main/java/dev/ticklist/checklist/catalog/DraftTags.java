package dev.ticklist.checklist.catalog;

import dev.ticklist.events.catalog.ChecklistDraftSaved;
import dev.ticklist.platform.web.Problems;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Optimistic concurrency for drafts: a draft's entity tag is a digest of what it holds (title,
 * levels, categories, items), the same on every instance, so a client that read a draft can
 * make its edit conditional ({@code If-Match}) and gets 412 instead of silently overwriting an
 * edit made since by someone else.
 */
final class DraftTags {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DraftTags() {
    }

    /** A strong entity tag, quotes included. */
    static String of(ChecklistDraftSaved draft) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(JSON.writeValueAsBytes(List.of(draft.title(), draft.levels())));
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Refuses the edit when {@code ifMatch} (the header as sent; null when absent) names no tag
     * the draft has now: {@code *} matches any draft, weak tags never match (RFC 9110 §13.1.1).
     */
    static void requireMatch(String ifMatch, ChecklistDraftSaved draft) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String current = of(draft);
        boolean matches = Arrays.stream(ifMatch.split(",")).map(String::strip)
                .anyMatch(tag -> tag.equals("*") || tag.equals(current));
        if (!matches) {
            throw Problems.problem(HttpStatus.PRECONDITION_FAILED, "draft-changed", "the draft changed since it was "
                    + "read (its ETag is now " + current + "); read it again and make the edit on what it holds now");
        }
    }
}
