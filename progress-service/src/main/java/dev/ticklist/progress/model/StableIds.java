package dev.ticklist.progress.model;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Ids derived from what caused an event, so re-publishing the same fact reuses its id. */
public final class StableIds {

    private StableIds() {
    }

    /** A name-based UUID of {@code kind:cause}. */
    public static String of(String kind, String cause) {
        return UUID.nameUUIDFromBytes((kind + ":" + cause).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
