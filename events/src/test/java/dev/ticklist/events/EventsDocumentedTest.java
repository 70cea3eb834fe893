package dev.ticklist.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/events.md lists every event type there is and no other, and says what each old version is read as. */
class EventsDocumentedTest {

    private static final Path EVENTS_MD = Path.of("..", "docs", "events.md");
    private static final Pattern TYPE = Pattern.compile("dev\\.ticklist\\.[a-z0-9.-]+\\.v[0-9]+");

    @Test
    void theTypesTableNamesEveryEventTypeAndNoOther() throws IOException {
        var documented = new TreeSet<String>();
        for (List<String> row : tableRows(section("## Types"))) {
            documented.addAll(typesIn(row.getFirst()));
        }

        assertThat(documented).as("the types in docs/events.md, '## Types'")
                .containsExactlyInAnyOrderElementsOf(EventTypes.all().keySet());
    }

    @Test
    void theSupersededTableSaysWhatEachOldVersionIsReadAs() throws IOException {
        var documented = new LinkedHashMap<String, String>();
        for (List<String> row : tableRows(section("## Superseded versions"))) {
            var old = typesIn(row.getFirst());
            var current = typesIn(row.get(1));
            if (old.size() == 1 && current.size() == 1) {
                documented.put(old.getFirst(), current.getFirst());
            }
        }
        var readAs = new HashMap<String, String>();
        for (Class<? extends TicklistEvent> record : EventTypes.all().values()) {
            for (var old : record.getAnnotation(EventType.class).supersedes()) {
                readAs.put(EventTypes.typeOf(old), EventTypes.typeOf(record));
            }
        }

        assertThat(documented).as("docs/events.md, '## Superseded versions': old type → read as")
                .containsExactlyInAnyOrderEntriesOf(readAs);
    }

    private static String section(String heading) throws IOException {
        String text = Files.readString(EVENTS_MD);
        int start = text.indexOf("\n" + heading + "\n");
        assertThat(start).as(heading + " in " + EVENTS_MD).isNotNegative();
        int end = text.indexOf("\n## ", start + heading.length() + 1);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static List<List<String>> tableRows(String section) {
        return section.lines()
                .filter(line -> line.startsWith("|") && !line.startsWith("|---"))
                .map(line -> List.of(line.substring(1).split("\\|")))
                .filter(cells -> cells.size() >= 2)
                .toList();
    }

    private static List<String> typesIn(String cell) {
        Matcher matcher = TYPE.matcher(cell);
        var types = new ArrayList<String>();
        while (matcher.find()) {
            types.add(matcher.group());
        }
        return types;
    }
}
