package dev.ticklist.checklist.markdown;

import dev.ticklist.checklist.tick.ItemState;
import java.util.Locale;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Node;

/**
 * How a learner's export marks an item in progress or skipped, in a way GitHub renders and a
 * reader tells apart from any name: after the name, in emphasis, {@code *(in progress)*},
 * {@code *(skipped)*} or {@code *(skipped: reason)*}; a skipped item's name is also struck
 * through ({@code ~~name~~}). Names are written with {@code *}, {@code _} and {@code ~} escaped,
 * so emphasis closing an item's text can only be a marker, and the strike around a skipped
 * item's name only the marker's.
 */
final class StateMarker {

    private static final String IN_PROGRESS = "(in progress)";
    private static final String SKIPPED = "(skipped)";
    /** What a reason follows; read with or without the space. */
    private static final String SKIPPED_BECAUSE = "(skipped:";
    private static final String STRIKE = "~~";

    /**
     * A marker read from a task item.
     *
     * @param state  {@link ItemState#IN_PROGRESS} or {@link ItemState#SKIPPED}
     * @param reason the skip's reason as written, or null
     */
    record Mark(ItemState state, String reason) {
    }

    private StateMarker() {
    }

    /** An item's text with its state written in: done and not started items have no marker. */
    static String write(String escapedName, LearnerItem item) {
        return switch (item.state()) {
            case IN_PROGRESS -> escapedName + " *" + IN_PROGRESS + "*";
            case SKIPPED -> STRIKE + escapedName + STRIKE + " *" + skipped(item.skipReason()) + "*";
            case DONE, NOT_STARTED -> escapedName;
        };
    }

    private static String skipped(String reason) {
        String clean = reason == null ? "" : Names.clean(reason);
        return clean.isEmpty() ? SKIPPED : SKIPPED_BECAUSE + " " + MarkdownEscaping.inline(clean) + ")";
    }

    /**
     * The marker that ends a task item's first paragraph, taken out of it so that what is left is
     * the name; null, and the paragraph untouched, when it ends in no marker. Emphasis with nothing
     * before it is a name, not a marker.
     */
    static Mark takeFrom(Node paragraph) {
        Node last = paragraph.getLastChild();
        if (!(last instanceof Emphasis)) {
            return null;
        }
        Mark mark = markIn(PlainText.of(last));
        if (mark == null) {
            return null;
        }
        last.unlink();
        if (PlainText.of(paragraph).isEmpty()) {
            paragraph.appendChild(last);
            return null;
        }
        return mark;
    }

    private static Mark markIn(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals(IN_PROGRESS)) {
            return new Mark(ItemState.IN_PROGRESS, null);
        }
        if (lower.equals(SKIPPED)) {
            return new Mark(ItemState.SKIPPED, null);
        }
        if (lower.startsWith(SKIPPED_BECAUSE) && text.endsWith(")")) {
            String reason = text.substring(SKIPPED_BECAUSE.length(), text.length() - 1).strip();
            return new Mark(ItemState.SKIPPED, reason.isEmpty() ? null : reason);
        }
        return null;
    }

    /** A skipped item's name without the strike around it; a name without one as it is. */
    static String unstruck(String name) {
        boolean struck = name.length() > 2 * STRIKE.length() && name.startsWith(STRIKE) && name.endsWith(STRIKE);
        return struck ? Names.clean(name.substring(STRIKE.length(), name.length() - STRIKE.length())) : name;
    }
}
