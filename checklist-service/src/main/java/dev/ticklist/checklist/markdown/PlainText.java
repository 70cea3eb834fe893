package dev.ticklist.checklist.markdown;

import java.util.ArrayDeque;
import java.util.Deque;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/** The text a reader sees in a paragraph or heading: code, emphasis, links and images flattened to their text. */
final class PlainText {

    private PlainText() {
    }

    /** The block's inline content as one cleaned line; inline HTML tags are dropped, as GitHub hides them. */
    static String of(Node block) {
        var text = new StringBuilder();
        // Iterative, not recursive: emphasis can nest hundreds deep in a crafted paragraph.
        Deque<Node> todo = new ArrayDeque<>();
        pushChildren(block, todo);
        while (!todo.isEmpty()) {
            Node node = todo.pop();
            switch (node) {
                case Text t -> text.append(t.getLiteral());
                case Code code -> text.append(code.getLiteral());
                case SoftLineBreak ignored -> text.append(' ');
                case HardLineBreak ignored -> text.append(' ');
                case HtmlInline ignored -> {
                }
                default -> pushChildren(node, todo);
            }
        }
        return Names.clean(text.toString());
    }

    private static void pushChildren(Node parent, Deque<Node> todo) {
        for (Node child = parent.getLastChild(); child != null; child = child.getPrevious()) {
            todo.push(child);
        }
    }
}
