package dev.ticklist.events;

import dev.ticklist.events.access.AccessEvent;
import dev.ticklist.events.activity.LearnerActivityEvent;
import dev.ticklist.events.catalog.CatalogEvent;
import dev.ticklist.events.cohort.CohortProgressEvent;
import dev.ticklist.events.directory.DirectoryEvent;
import dev.ticklist.events.milestone.MilestoneEvent;
import dev.ticklist.events.webhook.WebhookEvent;
import java.util.List;

/**
 * Every topic of Ticklist. All of them hold events, so none is compacted and none expires
 * (see docs/events.md).
 */
public final class Topics {

    public static final Topic<LearnerActivityEvent> LEARNER_ACTIVITY =
            new Topic<>("ticklist.learner-activity", LearnerActivityEvent.class, "checklist-service", 6);
    public static final Topic<DirectoryEvent> DIRECTORY =
            new Topic<>("ticklist.directory", DirectoryEvent.class, "checklist-service", 3);
    public static final Topic<CatalogEvent> CATALOG =
            new Topic<>("ticklist.catalog", CatalogEvent.class, "checklist-service", 3);
    public static final Topic<MilestoneEvent> MILESTONES =
            new Topic<>("ticklist.milestones", MilestoneEvent.class, "progress-service", 6);
    public static final Topic<CohortProgressEvent> COHORT_PROGRESS =
            new Topic<>("ticklist.cohort-progress", CohortProgressEvent.class, "progress-service", 6);
    public static final Topic<AccessEvent> ACCESS =
            new Topic<>("ticklist.access", AccessEvent.class, "gateway", 3);
    public static final Topic<WebhookEvent> WEBHOOKS =
            new Topic<>("ticklist.webhooks", WebhookEvent.class, "notification-service", 3);

    public static final List<Topic<?>> ALL =
            List.of(LEARNER_ACTIVITY, DIRECTORY, CATALOG, MILESTONES, COHORT_PROGRESS, ACCESS, WEBHOOKS);

    private Topics() {
    }

    /** The topics a service writes. */
    public static List<Topic<?>> writtenBy(String service) {
        return ALL.stream().filter(topic -> topic.writer().equals(service)).toList();
    }
}
