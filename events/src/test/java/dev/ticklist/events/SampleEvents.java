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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Realistic instances of every event type, several of each: every optional (nullable) field both
 * set and null, lists empty and full, and ids in every form their patterns allow. The contract
 * test checks there are at least two per type and that each optional field is seen both ways.
 */
final class SampleEvents {

    private static final Instant AT = Instant.parse("2026-11-23T10:15:31Z");
    private static final List<Level> ONE_LEVEL = List.of(new Level("entry", "Entry", List.of(
            new Category("entry-theory", "Theory", List.of(
                    new Item("mathematical-notation", "Mathematical notation", "Read sums."))))));
    private static final List<Level> THREE_LEVELS = List.of(
            new Level("entry", "Entry", List.of(new Category("entry-theory", "Theory", List.of(
                    new Item("mathematical-notation", "Mathematical notation", "Read sums."),
                    new Item("matrix-operations", "Matrix operations", ""))))),
            new Level("intermediate", "Intermediate", List.of()),
            new Level("advanced", "Fortgeschritten", List.of(new Category("advanced-theory", "Théorie", List.of()))));

    static List<TicklistEvent> all() {
        var all = new ArrayList<TicklistEvent>();
        all.addAll(learnerActivity());
        all.addAll(cohortProgress());
        all.addAll(milestones());
        all.addAll(directory());
        all.addAll(catalog());
        all.addAll(access());
        all.addAll(webhooks());
        return List.copyOf(all);
    }

    static List<TicklistEvent> learnerActivity() {
        return List.of(
                new ItemTicked("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, "regression"),
                new ItemTicked("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, "regression",
                        new TickEvidence("https://github.com/ada/house-prices", "Ridge regression on house prices")),
                new ItemTicked("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, "regression",
                        new TickEvidence("https://github.com/ada/house-prices", null)),
                new ItemTicked("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, "regression",
                        new TickEvidence(null, "Certificate from the course, handed in on paper")),
                new ItemTicked.V1("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, "regression"),
                new ItemTicked.V1("org_k3jx7", "coh_2", "grace.hopper:42", "data-science", 3, "time-series-data"),
                new ItemStarted("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, "regression"),
                new ItemStarted("org_k3jx7", "coh_2", "grace.hopper:42", "data-science", 3, "time-series-data"),
                new ItemSkipped("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, "spark",
                        "Our track uses pandas only"),
                new ItemSkipped("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, "spark", null),
                new ItemEvidenceAttached("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, "regression",
                        "https://github.com/ada/house-prices", "Linear and ridge regression on a housing dataset"),
                new ItemEvidenceAttached("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, "regression",
                        "http://ada.example.org/regression", null),
                new ItemEvidenceAttached("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, "regression",
                        null, "Shown to the coach in class"),
                new ItemEvidenceAttached("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, "regression",
                        null, null),
                new ItemUnticked("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, "regression"),
                new ItemUnticked("org_k3jx7", "coh_2", "grace.hopper:42", "data-science", 3, "time-series-data"),
                new LearnerChecklistAssigned("org_acme", "coh_1", "ada@example.org", "machine-learning", 2,
                        "machine-learning", 1),
                new LearnerChecklistAssigned("org_acme", "coh_1", "ada@example.org", "c-3f9a2b7c1d4e", 1,
                        "machine-learning", 2),
                new LearnerJoinedCohort("org_acme", "coh_1", "ada@example.org", "machine-learning", 1),
                new LearnerJoinedCohort("org_k3jx7", "coh_2", "grace.hopper:42", "data-science", 3),
                new LearnerLeftCohort("org_acme", "coh_1", "ada@example.org", "machine-learning", 1),
                new LearnerLeftCohort("org_k3jx7", "coh_2", "grace.hopper:42", "data-science", 3));
    }

    static List<TicklistEvent> cohortProgress() {
        return List.of(
                new CohortMemberChanged("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, 42,
                        CohortMemberChanged.TICKED, "linear-regression", List.of(), AT, "1", "3-42"),
                new CohortMemberChanged("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, 43,
                        CohortMemberChanged.JOINED, null, List.of("linear-regression"), AT, "1", "3-43"),
                new CohortMembersChangedV1("org_acme", "coh_1", "1", List.of(new CohortMembersChangedV1.Member(
                        "ada@example.org", "machine-learning", 1, 87, CohortMembersChanged.MEMBER, false,
                        List.of("linear-regression"), List.of("decision-trees"), Map.of("2026-11-23", 1), AT, "3-43"))),
                new CohortMembersChangedV1("org_acme", "coh_1", "2", List.of(
                        new CohortMembersChangedV1.Member("ada@example.org", "machine-learning", 1, 89,
                                CohortMembersChanged.LEFT, false, List.of(), List.of(), Map.of(), AT, "3-44"),
                        new CohortMembersChangedV1.Member("grace", "machine-learning", 2, 7,
                                CohortMembersChanged.MEMBER, true, List.of("regression", "clustering"), List.of(),
                                Map.of("2026-11-22", 1, "2026-11-23", 1), AT, "0-3"))),
                new CohortMembersChangedV2("org_acme", "coh_1", "1", List.of(new CohortMembersChangedV2.Member(
                        "ada@example.org", "machine-learning", 1, 87, CohortMembersChanged.MEMBER, false,
                        List.of("linear-regression"), List.of("decision-trees"), Map.of("2026-11-23", 1),
                        Map.of("entry", AT), AT, "3-43"))),
                new CohortMembersChangedV2("org_acme", "coh_1", "1", List.of(new CohortMembersChangedV2.Member(
                        "grace", "machine-learning", 2, 9, CohortMembersChanged.LEFT, false, List.of(),
                        List.of("regression"), Map.of(), Map.of(), AT, "0-4"))),
                new CohortMembersChanged("org_acme", "coh_1", "1", List.of(new CohortMembersChanged.Member(
                        "ada@example.org", "machine-learning", 1, 89, CohortMembersChanged.MEMBER, false,
                        List.of("linear-regression"), List.of("decision-trees"), List.of("spark"), List.of("hadoop"),
                        Map.of("2026-11-23", 1), Map.of("entry", AT), AT, "3-44"))),
                new CohortMembersChanged("org_acme", "coh_1", "2", List.of(
                        new CohortMembersChanged.Member("ada@example.org", "machine-learning", 2, 91,
                                CohortMembersChanged.MEMBER, true, List.of("linear-regression"), List.of(),
                                List.of(), List.of("hadoop"), Map.of(), Map.of(), AT, "3-45"),
                        new CohortMembersChanged.Member("grace", "machine-learning", 2, 11,
                                CohortMembersChanged.LEFT, false, List.of(), List.of(), List.of(), List.of(),
                                Map.of(), Map.of(), AT, "0-5"))));
    }

    static List<TicklistEvent> milestones() {
        return List.of(
                new CohortLevelThresholdReached("org_acme", "coh_1", "machine-learning", 1, "entry", 50, 10, 20),
                new CohortLevelThresholdReached("org_k3jx7", "coh_2", "data-science", 3, "advanced", 100, 1, 1),
                new LevelCompleted("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, "entry", 25),
                new LevelCompleted("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, "entry", 25,
                        List.of(new LevelCompleted.SkippedItem("spark", "Our track uses pandas only"),
                                new LevelCompleted.SkippedItem("hadoop", null)),
                        List.of(new LevelCompleted.ItemEvidence("regression", "https://github.com/ada/house-prices",
                                        "Ridge regression"),
                                new LevelCompleted.ItemEvidence("trees", null, "Kaggle notebook"),
                                new LevelCompleted.ItemEvidence("clustering", "https://example.org/k-means", null))),
                new LevelCompleted.V1("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, "entry", 25),
                new LevelCompleted.V1("org_k3jx7", "coh_2", "grace.hopper:42", "data-science", 3, "advanced", 1),
                new LevelReopened("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, "entry", 25),
                new LevelReopened("org_k3jx7", "coh_2", "grace.hopper:42", "data-science", 3, "advanced", 1),
                new ChecklistCompleted("org_acme", "coh_1", "ada@example.org", "machine-learning", 1, 86),
                new ChecklistCompleted("org_k3jx7", "coh_2", "grace.hopper:42", "c-3f9a2b7c1d4e", 2, 1));
    }

    static List<TicklistEvent> directory() {
        return List.of(
                new OrganisationCreated("org_acme", "Acme Academy"),
                new OrganisationCreated("org_k3jx7", "Université de Genève — Faculté des sciences"),
                new CohortCreated("org_acme", "coh_1", "Spring 2027", "machine-learning", 1),
                new CohortCreated("org_k3jx7", "coh_2", "データサイエンス 2027", "c-3f9a2b7c1d4e", 4),
                new LearnerEnrolled("org_acme", "coh_1", "ada@example.org"),
                new LearnerEnrolled("org_k3jx7", "coh_2", "grace.hopper:42"),
                new CohortRenamed("org_acme", "coh_1", "Autumn 2027"),
                new CohortRenamed("org_k3jx7", "coh_2", "Été 2027"),
                new CohortArchived("org_acme", "coh_1"),
                new CohortArchived("org_k3jx7", "coh_2"),
                new LearnerWithdrawn("org_acme", "coh_1", "ada@example.org"),
                new LearnerWithdrawn("org_k3jx7", "coh_2", "grace.hopper:42"),
                new CohortChecklistAssigned("org_acme", "coh_1", "machine-learning", 2),
                new CohortChecklistAssigned("org_k3jx7", "coh_2", "c-3f9a2b7c1d4e", 1));
    }

    static List<TicklistEvent> catalog() {
        return List.of(
                new ChecklistVersionPublished("machine-learning", 1, null, "Machine Learning progress", ONE_LEVEL),
                new ChecklistVersionPublished("c-3f9a2b7c1d4e", 2, "org_acme", "Our ML path", THREE_LEVELS),
                new ChecklistDraftSaved("c-3f9a2b7c1d4e", "org_acme", "Our ML path", "machine-learning@1", ONE_LEVEL),
                new ChecklistDraftSaved("c-5e6f7a8b9c0d", "org_acme", "Kitchen", null, THREE_LEVELS));
    }

    static List<TicklistEvent> access() {
        return List.of(
                new ApiKeyIssued("org_acme", "key_1", "tk_a1b2", "0".repeat(64), Set.of("read", "write")),
                new ApiKeyIssued("org_k3jx7", "key_abcdefghijklmnopqrst", "tk_AbCdE", "a".repeat(64),
                        Set.of("admin", "read", "write")),
                new ApiKeyRevoked("org_acme", "key_1", "0".repeat(64)),
                new ApiKeyRevoked("org_k3jx7", "key_abcdefghijklmnopqrst", "a".repeat(64)),
                new ShareLinkCreated("org_acme", "link_1", "1".repeat(64), "coh_1", "ada@example.org", "tick",
                        Instant.parse("2027-01-31T00:00:00Z"), "Ada's checklist"),
                new ShareLinkCreated("org_acme", "link_2", "2".repeat(64), "coh_1", null, "read",
                        Instant.parse("2027-01-31T00:00:00Z"), null),
                new ShareLinkRevoked("org_acme", "link_1", "1".repeat(64)),
                new ShareLinkRevoked("org_acme", "link_2", "2".repeat(64)));
    }

    static List<TicklistEvent> webhooks() {
        return List.of(
                new WebhookEndpointCreated("org_acme", "ep_1", "https://hooks.example.org/ticklist",
                        Set.of("dev.ticklist.level.completed.v1"), "LMS", "v1:abc"),
                new WebhookEndpointCreated("org_acme", "ep_2", "https://hooks.example.org/all", Set.of(), null,
                        "v1:ghi"),
                new WebhookEndpointUpdated("org_acme", "ep_1", "https://hooks.example.org/v2", Set.of(), null),
                new WebhookEndpointUpdated("org_acme", "ep_1", "https://hooks.example.org/v2",
                        Set.of("dev.ticklist.level.completed.v1", "dev.ticklist.level.completed.v2"), "LMS, both versions"),
                new WebhookEndpointDisabled("org_acme", "ep_1", WebhookEndpointDisabled.GONE,
                        "the receiver answered 410 Gone"),
                new WebhookEndpointDisabled("org_acme", "ep_2", WebhookEndpointDisabled.REQUESTED,
                        "disabled by the organisation"),
                new WebhookEndpointEnabled("org_acme", "ep_1"),
                new WebhookEndpointEnabled("org_acme", "ep_2"),
                new WebhookEndpointDeleted("org_acme", "ep_1"),
                new WebhookEndpointDeleted("org_acme", "ep_2"),
                new WebhookSecretRotated("org_acme", "ep_1", "v1:def", Instant.parse("2026-11-24T10:00:00Z")),
                new WebhookSecretRotated("org_acme", "ep_2", "v1:jkl", AT),
                new WebhookMessageQueued("org_acme", "ep_1", "msg_c0fa486567aaef3f888157dca969bece",
                        "dev.ticklist.level.completed.v1", "evt_1", "{\"type\":\"dev.ticklist.level.completed.v1\"}"),
                new WebhookMessageQueued("org_acme", "ep_1", "msg_5b2d0e9f1a3c4b6d8e7f9a0b1c2d3e4f",
                        "dev.ticklist.level.completed.v2", null, "{\"type\":\"dev.ticklist.level.completed.v2\"}"),
                new WebhookMessageRetryRequested("org_acme", "ep_1", "msg_c0fa486567aaef3f888157dca969bece"),
                new WebhookMessageRetryRequested("org_acme", "ep_2", "msg_5b2d0e9f1a3c4b6d8e7f9a0b1c2d3e4f"),
                new WebhookDeliveryAttempted("org_acme", "ep_1", "msg_1", "evt_1", 1, 200, true, 42),
                new WebhookDeliveryAttempted("org_acme", "ep_1", "msg_1", "evt_1", 2, 0, false, 10_000),
                new WebhookDeliveryAttemptedV2("org_acme", "ep_1", "msg_c0fa486567aaef3f888157dca969bece", 2,
                        "rejected", 503, 41, "Service Unavailable", Instant.parse("2026-11-23T10:20:30Z")),
                new WebhookDeliveryAttemptedV2("org_acme", "ep_1", "msg_c0fa486567aaef3f888157dca969bece", 3,
                        WebhookDeliveryAttemptedV2.DELIVERED, 200, 12, null, null));
    }

    private SampleEvents() {
    }
}
