package dev.ticklist.checklist.markdown;

/** The wording of every report line, in one place so that docs/markdown.md and the tests can follow it. */
final class Reasons {

    static final String FENCED_CODE = "fenced code block: not read, even lines that look like task items";
    static final String INDENTED_CODE = "indented code block: not read";
    static final String BLOCK_QUOTE = "block quote: not read, even task items inside it";
    static final String HTML = "HTML: not read";
    static final String TABLE = "table: not read";
    static final String CHECKBOX_IN_PARAGRAPH =
            "[ ] inside a paragraph is not a task item; a task item is a list item that starts with [ ] or [x]";
    static final String PARAGRAPH = "text outside a task list: not read";
    static final String PLAIN_ITEM = "list item without [ ] or [x]: not a task item";
    static final String NO_NAME = "task item with no name";
    static final String NAME_TOO_LONG = "item name longer than " + MarkdownLimits.MAX_NAME_LENGTH + " characters";
    static final String EMPTY_HEADING = "heading with no text";
    static final String HEADING_SHORTENED =
            "heading longer than " + MarkdownLimits.MAX_NAME_LENGTH + " characters: shortened";
    static final String NO_ITEMS = "heading with no task items under it";
    static final String ABOVE_LEVELS = "heading above the level headings: not read";
    static final String BETWEEN_LEVEL_AND_CATEGORY = "heading between the level and category headings: not read";
    static final String BELOW_CATEGORIES = "heading deeper than the category headings: not read";

    private Reasons() {
    }

    static String furtherText(int itemLine) {
        return "more text of the task item on line " + itemLine + ": only its first paragraph names the item";
    }

    static String flattened(String parent, String category) {
        return "nested task item: taken as an item of " + quoted(category) + " after " + quoted(parent);
    }

    static String namedInContext(String name) {
        return "nested task item sharing its name with another item of its category: named " + quoted(name);
    }

    static String levelsAsCategories(int levels, int maxLevels, String level) {
        return "the file has " + levels + " level sections, more than the " + maxLevels
                + " levels a checklist holds: each became a category of the level " + quoted(level);
    }

    static String deeperHeading(boolean underCategories, String target) {
        return "heading deeper than the " + (underCategories ? "category" : "level")
                + " headings: its items were added to " + quoted(target);
    }

    static String levelAgain(String level, int firstLine) {
        return "level " + quoted(level) + " appears again: its categories were added to the one on line " + firstLine;
    }

    static String categoryAgain(String category, int firstLine) {
        return "category " + quoted(category) + " appears again in this level: its items were added to the one on line "
                + firstLine;
    }

    static String duplicateItem(int firstLine, String category) {
        return "duplicate of the item on line " + firstLine + " in " + quoted(category);
    }

    static String noSuchItem(String name) {
        return "no item named " + quoted(name) + " in this checklist";
    }

    static String ambiguous(String name, java.util.List<String> places) {
        return "ambiguous: " + quoted(name) + " appears in " + places.size() + " places (" + String.join(", ", places)
                + "); put it under its level and category headings";
    }

    static String badSkipReason(String problem) {
        return "skip reason " + problem;
    }

    static String alreadyListed(int firstLine) {
        return "item already listed on line " + firstLine;
    }

    private static String quoted(String name) {
        return "\"" + name + "\"";
    }
}
