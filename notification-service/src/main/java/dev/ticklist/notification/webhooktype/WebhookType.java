package dev.ticklist.notification.webhooktype;

import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * What an endpoint subscribes to: a family of milestones ({@code dev.ticklist.level.completed})
 * in one version of its body, named as the event type of that version
 * ({@code dev.ticklist.level.completed.v1}). A version stays on offer to receivers after the
 * events themselves have moved on to a newer one.
 */
public record WebhookType(String family, int version) {

    /** Families first, then versions by number (v10 after v9). */
    public static final Comparator<WebhookType> ORDER = Comparator.comparing(WebhookType::family)
            .thenComparingInt(WebhookType::version);

    private static final Pattern NAME = Pattern.compile("(.+)\\.v([1-9][0-9]{0,8})");

    /** The type of an event type's name; refused unless it ends in {@code .v<N>}. */
    public static WebhookType named(String name) {
        var matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(name + " is not a versioned type (<family>.v<N>)");
        }
        return new WebhookType(matcher.group(1), Integer.parseInt(matcher.group(2)));
    }

    public String name() {
        return family + ".v" + version;
    }

    @Override
    public String toString() {
        return name();
    }
}
