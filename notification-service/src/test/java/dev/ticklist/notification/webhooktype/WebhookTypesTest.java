package dev.ticklist.notification.webhooktype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticklist.events.milestone.ChecklistCompleted;
import dev.ticklist.events.milestone.CohortLevelThresholdReached;
import dev.ticklist.events.milestone.LevelCompleted;
import dev.ticklist.events.milestone.LevelCompleted.ItemEvidence;
import dev.ticklist.events.milestone.LevelCompleted.SkippedItem;
import dev.ticklist.events.milestone.LevelReopened;
import dev.ticklist.events.milestone.MilestoneEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which version of a milestone an endpoint gets, and what that version says. */
class WebhookTypesTest {

    private static final String LEVEL_V1 = "dev.ticklist.level.completed.v1";
    private static final String LEVEL_V2 = "dev.ticklist.level.completed.v2";
    private static final LevelCompleted LEVEL_COMPLETED = new LevelCompleted("org_acme", "coh_1", "ada",
            "machine-learning", 1, "entry", 25,
            List.of(new SkippedItem("spark", "Our track uses pandas only")),
            List.of(new ItemEvidence("regression", "https://github.com/ada/house-prices", "Ridge regression")));
    private static final ChecklistCompleted CHECKLIST_COMPLETED = new ChecklistCompleted("org_acme", "coh_1", "ada",
            "machine-learning", 1, 86);

    private final WebhookTypes types = WebhookTypes.MILESTONES;

    @Test
    void everyMilestoneCanBeSubscribedToInEveryVersionStillOffered() {
        assertThat(types.names()).containsExactly(
                "dev.ticklist.checklist.completed.v1",
                "dev.ticklist.cohort.level-threshold-reached.v1",
                LEVEL_V1,
                LEVEL_V2,
                "dev.ticklist.level.reopened.v1");
        assertThat(types.offers(LEVEL_V1)).isTrue();
        assertThat(types.offers("dev.ticklist.level.completed.v3")).isFalse();
        assertThat(types.offers("dev.ticklist.webhook.test.v1")).isFalse();
    }

    @Test
    void anEndpointGetsTheVersionItSubscribedTo() {
        assertThat(versionFor(Set.of(LEVEL_V1), LEVEL_COMPLETED)).contains(LEVEL_V1);
        assertThat(versionFor(Set.of(LEVEL_V2), LEVEL_COMPLETED)).contains(LEVEL_V2);
    }

    @Test
    void anEndpointSubscribedToSeveralVersionsGetsTheMilestoneOnceInTheNewest() {
        assertThat(versionFor(Set.of(LEVEL_V1, LEVEL_V2), LEVEL_COMPLETED)).contains(LEVEL_V2);
    }

    @Test
    void anEndpointSubscribedToEveryTypeGetsEachMilestoneInItsFirstVersion() {
        assertThat(versionFor(Set.of(), LEVEL_COMPLETED)).contains(LEVEL_V1);
        assertThat(versionFor(Set.of(), CHECKLIST_COMPLETED)).contains("dev.ticklist.checklist.completed.v1");
    }

    @Test
    void anEndpointSubscribedToOtherFamiliesGetsNothing() {
        assertThat(versionFor(Set.of("dev.ticklist.checklist.completed.v1"), LEVEL_COMPLETED)).isEmpty();
        assertThat(versionFor(Set.of(LEVEL_V1, LEVEL_V2), CHECKLIST_COMPLETED)).isEmpty();
        assertThat(versionFor(Set.of(LEVEL_V2), new LevelReopened("org_acme", "coh_1", "ada", "machine-learning", 1,
                "entry", 25))).isEmpty();
    }

    @Test
    void theCurrentVersionIsTheMilestoneItselfWithTheNewFields() {
        var data = types.versionFor(Set.of(LEVEL_V2), LEVEL_COMPLETED).orElseThrow().dataOf(LEVEL_COMPLETED);

        assertThat(data).isSameAs(LEVEL_COMPLETED);
        assertThat(((LevelCompleted) data).skipped()).extracting(SkippedItem::itemId).containsExactly("spark");
        assertThat(((LevelCompleted) data).evidence()).extracting(ItemEvidence::itemId).containsExactly("regression");
    }

    @Test
    void aSupersededVersionIsTheMilestoneDowncastWithoutWhatItDidNotSay() {
        var data = types.versionFor(Set.of(LEVEL_V1), LEVEL_COMPLETED).orElseThrow().dataOf(LEVEL_COMPLETED);

        assertThat(data).isEqualTo(new LevelCompleted.V1("org_acme", "coh_1", "ada", "machine-learning", 1, "entry",
                25));
    }

    @Test
    void otherMilestonesAreTheirOwnOnlyVersion() {
        var threshold = new CohortLevelThresholdReached("org_acme", "coh_1", "machine-learning", 1, "entry", 50, 5,
                10);

        var version = types.versionFor(Set.of(), threshold).orElseThrow();

        assertThat(version.type()).isEqualTo(new WebhookType("dev.ticklist.cohort.level-threshold-reached", 1));
        assertThat(version.dataOf(threshold)).isSameAs(threshold);
    }

    @Test
    void aSupersededMilestoneVersionWithoutADowncastStopsTheCatalogBuilding() {
        assertThatThrownBy(() -> new WebhookTypes(MilestoneEvent.class, List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(LEVEL_V1 + " has no downcast");
    }

    @Test
    void aDowncastToAVersionThatIsNotSupersededStopsTheCatalogBuilding() {
        var stray = Downcast.of(ChecklistCompleted.class, LevelCompleted.V1.class,
                completed -> new LevelCompleted.V1("o", "c", "l", "k", 1, "entry", 1));

        assertThatThrownBy(() -> new WebhookTypes(MilestoneEvent.class, List.of(
                Downcast.of(LevelCompleted.class, LevelCompleted.V1.class, LevelCompleted.V1::of), stray)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not superseded milestones");
    }

    @Test
    void aTypeIsAFamilyAndAVersionNumber() {
        assertThat(WebhookType.named(LEVEL_V2)).isEqualTo(new WebhookType("dev.ticklist.level.completed", 2));
        assertThat(new WebhookType("dev.ticklist.level.completed", 12).name())
                .isEqualTo("dev.ticklist.level.completed.v12");
        assertThatThrownBy(() -> WebhookType.named("dev.ticklist.level.completed"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookType.named("dev.ticklist.level.completed.v0"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Optional<String> versionFor(Set<String> subscribed, MilestoneEvent milestone) {
        return types.versionFor(subscribed, milestone).map(WebhookVersion::name);
    }
}
