package dev.ticklist.notification.webhooktype;

import dev.ticklist.events.EventType;
import dev.ticklist.events.EventTypes;
import dev.ticklist.events.TicklistEvent;
import dev.ticklist.events.milestone.LevelCompleted;
import dev.ticklist.events.milestone.MilestoneEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The webhook types endpoints can subscribe to: every milestone in its current version and in
 * each version it superseded, rendered from the current record by a {@link Downcast}. A receiver
 * keeps the body it was built for when a milestone gets a new version, and moves to the new one
 * by subscribing to it.
 */
public final class WebhookTypes {

    /**
     * Every milestone. Each superseded version of a milestone needs its downcast here: without
     * one the catalog refuses to build, rather than leave that version's subscribers with nothing.
     */
    public static final WebhookTypes MILESTONES = new WebhookTypes(MilestoneEvent.class, List.of(
            Downcast.of(LevelCompleted.class, LevelCompleted.V1.class, LevelCompleted.V1::of)));

    /** Per current record, its versions by number. */
    private final Map<Class<?>, NavigableMap<Integer, WebhookVersion>> byRecord = new HashMap<>();
    private final List<String> names;

    WebhookTypes(Class<? extends TicklistEvent> events, List<Downcast<?>> downcasts) {
        var unused = new HashSet<>(downcasts);
        for (Class<? extends TicklistEvent> record : EventTypes.all().values()) {
            if (events.isAssignableFrom(record)) {
                byRecord.put(record, versionsOf(record, downcasts, unused));
            }
        }
        if (!unused.isEmpty()) {
            throw new IllegalStateException("downcasts to versions that are not superseded milestones: " + unused);
        }
        names = byRecord.values().stream()
                .flatMap(versions -> versions.values().stream())
                .map(WebhookVersion::type)
                .sorted(WebhookType.ORDER)
                .map(WebhookType::name)
                .toList();
    }

    private static NavigableMap<Integer, WebhookVersion> versionsOf(Class<? extends TicklistEvent> record,
                                                                     List<Downcast<?>> downcasts,
                                                                     Set<Downcast<?>> unused) {
        var versions = new TreeMap<Integer, WebhookVersion>();
        add(versions, EventTypes.typeOf(record), milestone -> milestone);
        for (Class<? extends TicklistEvent> superseded : record.getAnnotation(EventType.class).supersedes()) {
            Downcast<?> downcast = downcasts.stream()
                    .filter(candidate -> candidate.current() == record && candidate.superseded() == superseded)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(EventTypes.typeOf(superseded) + " has no downcast "
                            + "from " + record.getSimpleName() + ": its subscribers would get nothing"));
            unused.remove(downcast);
            add(versions, EventTypes.typeOf(superseded), downcast::apply);
        }
        return versions;
    }

    private static void add(NavigableMap<Integer, WebhookVersion> versions, String name,
                            Function<MilestoneEvent, ? extends TicklistEvent> renderer) {
        var type = WebhookType.named(name);
        if (!versions.isEmpty() && !versions.firstEntry().getValue().type().family().equals(type.family())) {
            throw new IllegalStateException(name + " is not of the family " + versions.firstEntry().getValue().type());
        }
        versions.put(type.version(), new WebhookVersion(type, renderer));
    }

    /** Every type that can be subscribed to, by family and version. */
    public List<String> names() {
        return names;
    }

    public boolean offers(String name) {
        return names.contains(name);
    }

    /**
     * The version in which an endpoint subscribed to {@code subscribed} gets this milestone, or
     * none. One version per milestone and endpoint: the newest it subscribed to. An endpoint that
     * subscribed to nothing in particular (every type) gets each milestone in its first version —
     * the body such endpoints have always had; newer ones come only to endpoints that name them.
     */
    public Optional<WebhookVersion> versionFor(Set<String> subscribed, MilestoneEvent milestone) {
        var versions = byRecord.get(milestone.getClass());
        if (versions == null) {
            throw new IllegalArgumentException(milestone.getClass() + " is not the current record of a milestone");
        }
        if (subscribed.isEmpty()) {
            return Optional.of(versions.firstEntry().getValue());
        }
        return versions.descendingMap().values().stream()
                .filter(version -> subscribed.contains(version.name()))
                .findFirst();
    }
}
