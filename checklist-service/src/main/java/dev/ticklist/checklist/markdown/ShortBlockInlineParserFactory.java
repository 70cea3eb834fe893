package dev.ticklist.checklist.markdown;

import org.commonmark.internal.InlineParserImpl;
import org.commonmark.node.Text;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.InlineParserFactory;

/**
 * CommonMark's own inline parsing for paragraphs and headings up to {@link MarkdownLimits#MAX_INLINE_CHARACTERS},
 * plain text for longer ones. Why: crafted brackets, emphasis or {@code <} make commonmark-java's inline parser
 * quadratic, so one 1 MiB paragraph could hold a request thread for a minute. Long blocks are never names, and the
 * task-list extension still sees their leading {@code [ ]}, so nothing that is read changes.
 *
 * <p>commonmark-java offers no public way to reach its default inline parser from a custom factory, hence its
 * {@code internal} class; the version is pinned and {@code MarkdownLimitsTest} fails if it changes behaviour.
 */
final class ShortBlockInlineParserFactory implements InlineParserFactory {

    private final int maxCharacters;

    ShortBlockInlineParserFactory(int maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    @Override
    public InlineParser create(InlineParserContext context) {
        InlineParser commonMark = new InlineParserImpl(context);
        return (lines, block) -> {
            String content = lines.getContent();
            if (content.length() > maxCharacters) {
                block.appendChild(new Text(content));
            } else {
                commonMark.parse(lines, block);
            }
        };
    }
}
