package dev.ticklist.events;

import dev.ticklist.events.access.ApiKeyIssued;
import dev.ticklist.events.access.ApiKeyRevoked;
import dev.ticklist.events.access.ShareLinkCreated;
import dev.ticklist.events.access.ShareLinkRevoked;
import dev.ticklist.events.activity.ItemEvidenceAttached;
import dev.ticklist.events.activity.ItemSkipped;
import dev.ticklist.events.activity.ItemStarted;
import dev.ticklist.events.activity.ItemTicked;
import dev.ticklist.events.activity.TickEvidence;
import dev.ticklist.events.activity.ItemUnticked;
import dev.ticklist.events.activity.LearnerChecklistAssigned;
import dev.ticklist.events.activity.LearnerJoinedCohort;
import dev.ticklist.events.activity.LearnerLeftCohort;
import dev.ticklist.events.cohort.CohortMemberChanged;
import dev.ticklist.events.cohort.CohortMembersChanged;
import dev.ticklist.events.cohort.CohortMembersChangedV1;
import dev.ticklist.events.cohort.CohortMembersChangedV2;
import dev.ticklist.events.milestone.CohortLevelThresholdReached;
import java.time.Instant;
import dev.ticklist.events.catalog.ChecklistDraftSaved;
import dev.ticklist.events.catalog.ChecklistVersionPublished;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Category;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Item;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Level;
import dev.ticklist.events.directory.CohortArchived;
import dev.ticklist.events.directory.CohortChecklistAssigned;
import dev.ticklist.events.directory.CohortCreated;
import dev.ticklist.events.directory.CohortRenamed;
import dev.ticklist.events.directory.LearnerEnrolled;
import dev.ticklist.events.directory.LearnerWithdrawn;
import dev.ticklist.events.directory.OrganisationCreated;
import dev.ticklist.events.milestone.ChecklistCompleted;
import dev.ticklist.events.milestone.LevelCompleted;
import dev.ticklist.events.milestone.LevelReopened;
import dev.ticklist.events.webhook.WebhookDeliveryAttempted;
import dev.ticklist.events.webhook.WebhookDeliveryAttemptedV2;
import dev.ticklist.events.webhook.WebhookEndpointCreated;
import dev.ticklist.events.webhook.WebhookEndpointDeleted;
import dev.ticklist.events.webhook.WebhookEndpointDisabled;
import dev.ticklist.events.webhook.WebhookEndpointEnabled;
import dev.ticklist.events.webhook.WebhookEndpointUpdated;
import dev.ticklist.events.webhook.WebhookMessageQueued;
import dev.ticklist.events.webhook.WebhookMessageRetryRequested;
import dev.ticklist.events.webhook.WebhookSecretRotated;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One realistic instance of every event type. */
final class SampleEvents {

    static List<TicklistEvent> all() {
        return List.of(
                new ItemTicked("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, "regression"),
                new ItemTicked("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, "regression",
                        new TickEvidence("https://github.com/ada/house-prices", "Ridge regression on house prices")),
                new ItemTicked.V1("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, "regression"),
                new ItemStarted("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, "regression"),
                new ItemSkipped("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, "spark",
                        "Our track uses pandas only"),
                new ItemSkipped("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, "spark", null),
                new ItemEvidenceAttached("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, "regression",
                        "https://github.com/ada/house-prices", "Linear and ridge regression on a housing dataset"),
                new ItemUnticked("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, "regression"),
                new LearnerChecklistAssigned("org_acme", "coh_1", "ada@example.org", "machine-learning", 2,
                        "machine-learning", 1),
                new LearnerJoinedCohort("org_acme", "coh_1", "ada@example.org", "machine-learning", 1),
                new LearnerLeftCohort("org_acme", "coh_1", "ada@example.org", "machine-learning", 1),
                new CohortMemberChanged("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, 42,
                        CohortMemberChanged.TICKED, "linear-regression", List.of(), Instant.parse("2026-11-23T10:15:30Z"), "1", "3-42"),
                new CohortMemberChanged("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, 43,
                        CohortMemberChanged.JOINED, null, List.of("linear-regression"), Instant.parse("2026-11-23T10:15:31Z"), "1", "3-43"),
                new CohortMembersChangedV1("org_acme", "coh_1", "1", List.of(new CohortMembersChangedV1.Member(
                        "ada@example.org", "machine-learning", 1, 87, CohortMembersChanged.MEMBER, false,
                        List.of("linear-regression"), List.of("decision-trees"), Map.of("2026-11-23", 1),
                        Instant.parse("2026-11-23T10:15:31Z"), "3-43"))),
                new CohortMembersChanged("org_acme", "coh_1", "1", List.of(new CohortMembersChanged.Member(
                        "ada@example.org", "machine-learning", 1, 89, CohortMembersChanged.MEMBER, false,
                        List.of("linear-regression"), List.of("decision-trees"), List.of("spark"), List.of("hadoop"),
                        Map.of("2026-11-23", 1), Map.of("entry", Instant.parse("2026-11-23T10:15:31Z")),
                        Instant.parse("2026-11-23T10:15:31Z"), "3-44"))),
                new CohortMembersChangedV2("org_acme", "coh_1", "1", List.of(new CohortMembersChangedV2.Member(
                        "ada@example.org", "machine-learning", 1, 87, CohortMembersChanged.MEMBER, false,
                        List.of("linear-regression"), List.of("decision-trees"), Map.of("2026-11-23", 1),
                        Map.of("entry", Instant.parse("2026-11-23T10:15:31Z")), Instant.parse("2026-11-23T10:15:31Z"),
                        "3-43"))),
                new CohortLevelThresholdReached("org_acme", "coh_1", "machine-learning", 1, "entry", 50, 10, 20),
                new OrganisationCreated("org_acme", "Acme Academy"),
                new CohortCreated("org_acme", "coh_1", "Spring 2027", "machine-learning", 1),
                new LearnerEnrolled("org_acme", "coh_1", "ada@example.org"),
                new ChecklistVersionPublished("machine-learning", 1, null, "Machine Learning progress", List.of(
                        new Level("entry", "Entry", List.of(new Category("entry-theory", "Theory",
                                List.of(new Item("mathematical-notation", "Mathematical notation", "Read sums.")))))))
                ,
                new ChecklistDraftSaved("c-3f9a2b7c1d4e", "org_acme", "Our ML path", "machine-learning@1", List.of(
                        new Level("entry", "Entry", List.of(new Category("entry-theory", "Theory",
                                List.of(new Item("mathematical-notation", "Mathematical notation", "Read sums."))))))),
                new CohortRenamed("org_acme", "coh_1", "Autumn 2027"),
                new CohortArchived("org_acme", "coh_1"),
                new LearnerWithdrawn("org_acme", "coh_1", "ada@example.org"),
                new CohortChecklistAssigned("org_acme", "coh_1", "machine-learning", 2),
                new LevelCompleted("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, "entry", 25),
                new LevelCompleted("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, "entry", 25,
                        List.of(new LevelCompleted.SkippedItem("spark", "Our track uses pandas only"),
                                new LevelCompleted.SkippedItem("hadoop", null)),
                        List.of(new LevelCompleted.ItemEvidence("regression", "https://github.com/ada/house-prices",
                                "Ridge regression"), new LevelCompleted.ItemEvidence("trees", null, "Kaggle notebook"))),
                new LevelCompleted.V1("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, "entry", 25),
                new LevelReopened("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, "entry", 25),
                new ChecklistCompleted("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, 86),
                new ApiKeyIssued("org_acme", "key_1", "tk_a1b2", "0".repeat(64), Set.of("read", "write")),
                new ApiKeyRevoked("org_acme", "key_1", "0".repeat(64)),
                new ShareLinkCreated("org_acme", "link_1", "1".repeat(64), "coh_1", "ada@example.org", "tick",
                        Instant.parse("2027-01-31T00:00:00Z"), "Ada's checklist"),
                new ShareLinkCreated("org_acme", "link_2", "2".repeat(64), "coh_1", null, "read",
                        Instant.parse("2027-01-31T00:00:00Z"), null),
                new ShareLinkRevoked("org_acme", "link_1", "1".repeat(64)),
                new WebhookEndpointCreated("org_acme", "ep_1", "https://hooks.example.org/ticklist",
                        Set.of("dev.ticklist.level.completed.v1"), "LMS", "v1:abc"),
                new WebhookDeliveryAttempted("org_acme", "ep_1", "msg_1", "evt_1", 1, 200, true, 42),
                new WebhookEndpointUpdated("org_acme", "ep_1", "https://hooks.example.org/v2", Set.of(), null),
                new WebhookEndpointDisabled("org_acme", "ep_1", WebhookEndpointDisabled.GONE,
                        "the receiver answered 410 Gone"),
                new WebhookEndpointEnabled("org_acme", "ep_1"),
                new WebhookEndpointDeleted("org_acme", "ep_1"),
                new WebhookSecretRotated("org_acme", "ep_1", "v1:def", Instant.parse("2026-11-24T10:00:00Z")),
                new WebhookMessageQueued("org_acme", "ep_1", "msg_c0fa486567aaef3f888157dca969bece",
                        "dev.ticklist.level.completed.v1", "evt_1", "{\"type\":\"dev.ticklist.level.completed.v1\"}"),
                new WebhookMessageRetryRequested("org_acme", "ep_1", "msg_c0fa486567aaef3f888157dca969bece"),
                new WebhookDeliveryAttemptedV2("org_acme", "ep_1", "msg_c0fa486567aaef3f888157dca969bece", 2,
                        "rejected", 503, 41, "Service Unavailable", Instant.parse("2026-11-23T10:20:30Z")),
                new WebhookDeliveryAttemptedV2("org_acme", "ep_1", "msg_c0fa486567aaef3f888157dca969bece", 3,
                        WebhookDeliveryAttemptedV2.DELIVERED, 200, 12, null, null));
    }

    private SampleEvents() {
    }
}
