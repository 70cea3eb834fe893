package dev.ticklist.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.Topics;
import dev.ticklist.events.activity.ItemEvidenceAttached;
import dev.ticklist.events.activity.ItemSkipped;
import dev.ticklist.events.activity.ItemStarted;
import dev.ticklist.events.activity.ItemTicked;
import dev.ticklist.events.activity.ItemUnticked;
import dev.ticklist.events.activity.LearnerJoinedCohort;
import dev.ticklist.events.activity.LearnerLeftCohort;
import dev.ticklist.events.cohort.CohortMembersChanged;
import dev.ticklist.events.kafka.EventEnvelopeDeserializer;
import dev.ticklist.events.milestone.CohortLevelThresholdReached;
import dev.ticklist.platform.identity.IdentityTokens;
import dev.ticklist.platform.identity.Scope;
import dev.ticklist.platform.kafka.EventPublisher;
import dev.ticklist.progress.catalog.ChecklistCatalog;
import dev.ticklist.testsupport.RealInfrastructure;
import dev.ticklist.testsupport.http.JsonHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * Cohort projections fed through the cohort's own stream: counts, averages, histograms, item
 * shares, ranking, the CSV table, ticks per day and threshold milestones, against the real
 * broker and Redis, through the HTTP API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class CohortProgressIT {

    @Value("${local.server.port}")
    int port;
    @Autowired
    IdentityTokens identityTokens;
    @Autowired
    EventPublisher publisher;
    @Autowired
    ChecklistCatalog catalog;

    String organisationId;
    String checklistId;
    String cohortId;

    /** Entry: two categories of one item each; Advanced: one item. */
    @BeforeEach
    void publishATinyChecklist() {
        organisationId = "org_" + UUID.randomUUID().toString().substring(0, 8);
        checklistId = "tiny-" + UUID.randomUUID().toString().substring(0, 8);
        cohortId = "coh_" + UUID.randomUUID().toString().substring(0, 8);
        publisher.publish(Topics.CATALOG, FourLearnerCohort.checklist(checklistId, organisationId));
        await().until(() -> catalog.find(checklistId, 1).isPresent());
    }

    @Test
    void aCohortsViewIsMaintainedAsLearnersJoinTickAndLeave() {
        for (String learner : FourLearnerCohort.LEARNERS) {
            activity(new LearnerJoinedCohort(organisationId, cohortId, learner, checklistId, 1));
        }
        tick("ada", "notation", "matrices", "research");
        tick("bob", "notation");
        tick("dee", "research");

        FourLearnerCohort.assertView(awaitCohort(FourLearnerCohort::allTicksIn), checklistId);
        FourLearnerCohort.assertRanking(
                client(organisationId).get("/api/v1/progress/cohorts/" + cohortId + "/learners?limit=10").json());

        JsonNode found = client(organisationId).get("/api/v1/progress/cohorts/" + cohortId + "/learners?search=D")
                .json();
        assertThat(found.get("total").asLong()).isEqualTo(2);
        assertThat(found.get("learners").valueStream().map(learner -> learner.get("learnerId").asString() + "#"
                + learner.get("rank").asLong())).containsExactly("ada#1", "dee#2");
        JsonNode second = client(organisationId).get("/api/v1/progress/cohorts/" + cohortId
                + "/learners?search=d&offset=1&limit=1").json();
        assertThat(second.get("learners")).singleElement()
                .satisfies(learner -> assertThat(learner.get("learnerId").asString()).isEqualTo("dee"));
        assertThat(client(organisationId).get("/api/v1/progress/cohorts/" + cohortId + "/learners?search=zz").json()
                .get("total").asLong()).isZero();

        JsonNode brief = client(organisationId).get("/api/v1/progress/cohorts?ids=" + cohortId + ",coh_none").json();
        assertThat(brief.get("cohorts").valueStream().map(cohort -> cohort.get("cohortId").asString()))
                .containsExactly(cohortId, "coh_none");
        assertThat(brief.get("cohorts").get(0).get("learners").asInt()).isEqualTo(4);
        assertThat(brief.get("cohorts").get(0).get("levels").get(1).get("finished").asInt()).isEqualTo(2);
        assertThat(brief.get("cohorts").get(1).get("learners").asInt()).isZero();
        assertThat(brief.get("cohorts").get(1).get("levels")).isEmpty();

        String csv = text("/api/v1/progress/cohorts/" + cohortId + "/table.csv");
        assertThat(csv.split("\r\n")).containsExactly(FourLearnerCohort.TABLE);

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonNode days = client(organisationId).get("/api/v1/progress/cohorts/" + cohortId
                + "/ticks-per-day?from=" + today + "&to=" + today).json();
        assertThat(days.get("days").get(0).get("ticks").asInt()).isEqualTo(5);

        activity(new LearnerLeftCohort(organisationId, cohortId, "dee", checklistId, 1));
        JsonNode afterLeaving = awaitCohort(cohort -> cohort.get("overall").get("learners").asInt() == 3);
        assertThat(afterLeaving.get("levels").get(1).get("standing").get("finished").asInt()).isEqualTo(1);
        // A tick racing the withdrawal is not counted.
        tick("dee", "notation");
        tick("cy", "notation");
        JsonNode later = awaitCohort(cohort -> cohort.get("levels").get(0).get("categories").get(0)
                .get("items").get(0).get("tickedBy").asInt() == 3);
        assertThat(later.get("overall").get("learners").asInt()).isEqualTo(3);
    }

    @Test
    void theBurnUpCountsEveryMembersFinishedLevelsFromTheWeekTheyFinishedThem() {
        Instant now = Instant.now();
        Instant threeWeeksAgo = now.minus(Duration.ofDays(21));
        publisher.publishAll(Topics.LEARNER_ACTIVITY, List.of(
                at(threeWeeksAgo, new LearnerJoinedCohort(organisationId, cohortId, "ada", checklistId, 1)),
                at(threeWeeksAgo, new LearnerJoinedCohort(organisationId, cohortId, "bob", checklistId, 1)),
                at(threeWeeksAgo, new ItemTicked(organisationId, cohortId, "ada", checklistId, 1, "notation")),
                at(threeWeeksAgo, new ItemTicked(organisationId, cohortId, "ada", checklistId, 1, "matrices")),
                at(now.minus(Duration.ofDays(14)), new ItemTicked(organisationId, cohortId, "ada", checklistId, 1,
                        "research")),
                at(now, new ItemTicked(organisationId, cohortId, "bob", checklistId, 1, "research"))));

        String path = "/api/v1/progress/cohorts/" + cohortId + "/burn-up";
        JsonNode burnUp = await().atMost(Duration.ofSeconds(30)).until(() -> client(organisationId).get(path).json(),
                view -> view.get("levels").size() == 2 && view.get("levels").get(1).get("finished")
                        .valueStream().mapToLong(JsonNode::asLong).max().orElse(0) == 2);
        LocalDate thisWeek = LocalDate.now(ZoneOffset.UTC).with(java.time.DayOfWeek.MONDAY);
        assertThat(burnUp.get("from").asString()).isEqualTo(thisWeek.minusWeeks(3).toString());
        assertThat(burnUp.get("weeks").valueStream().map(JsonNode::asString)).containsExactly(
                thisWeek.minusWeeks(3).toString(), thisWeek.minusWeeks(2).toString(),
                thisWeek.minusWeeks(1).toString(), thisWeek.toString());
        assertThat(finishedByWeek(burnUp, 0)).containsExactly(1L, 1L, 1L, 1L);
        assertThat(finishedByWeek(burnUp, 1)).containsExactly(0L, 1L, 1L, 2L);
        assertThat(burnUp.get("levels").get(1).get("learners").asLong()).isEqualTo(2);

        // A later start counts those who had finished before it in its first week.
        JsonNode later = client(organisationId).get(path + "?from=" + thisWeek.minusWeeks(1).plusDays(3)).json();
        assertThat(later.get("from").asString()).isEqualTo(thisWeek.minusWeeks(1).toString());
        assertThat(finishedByWeek(later, 1)).containsExactly(1L, 2L);

        // A member who leaves takes their finished levels out of every week.
        activity(new LearnerLeftCohort(organisationId, cohortId, "ada", checklistId, 1));
        JsonNode afterLeaving = await().atMost(Duration.ofSeconds(30)).until(
                () -> client(organisationId).get(path).json(), view -> view.get("levels").get(0).get("learners")
                        .asLong() == 1);
        assertThat(finishedByWeek(afterLeaving, 0)).containsOnly(0L);
        assertThat(finishedByWeek(afterLeaving, 1)).containsExactly(0L, 0L, 0L, 1L);
    }

    @Test
    void aCohortThatThousandsOfLearnersJoinAtOnceCountsEveryOneOfThem() {
        int learners = 3_000;
        var joins = new java.util.ArrayList<EventPublisher.Identified<LearnerJoinedCohort>>();
        var ticks = new java.util.ArrayList<EventPublisher.Identified<ItemTicked>>();
        for (int l = 0; l < learners; l++) {
            joins.add(new EventPublisher.Identified<>(UUID.randomUUID().toString(),
                    new LearnerJoinedCohort(organisationId, cohortId, "learner-" + l, checklistId, 1)));
            ticks.add(new EventPublisher.Identified<>(UUID.randomUUID().toString(),
                    new ItemTicked(organisationId, cohortId, "learner-" + l, checklistId, 1, "notation")));
        }
        publisher.publishAll(Topics.LEARNER_ACTIVITY, joins);
        publisher.publishAll(Topics.LEARNER_ACTIVITY, ticks);

        JsonNode cohort = awaitCohort(view -> view.get("overall").get("learners").asInt() == learners
                && itemTickedBy(view, 0, 0) == learners);
        assertThat(cohort.get("levels").get(0).get("standing").get("finished").asInt()).isZero();
        assertThat(client(organisationId).get("/api/v1/progress/cohorts/" + cohortId + "/learners?limit=1").json()
                .get("total").asInt()).isEqualTo(learners);
    }

    @Test
    void aLevelsShareOfFinishedLearnersCrossingAThresholdIsAMilestoneOnceUntilItFallsBelow() {
        activity(new LearnerJoinedCohort(organisationId, cohortId, "ada", checklistId, 1));
        activity(new LearnerJoinedCohort(organisationId, cohortId, "bob", checklistId, 1));
        // Learners' streams are not ordered with each other: let both joins count first.
        awaitCohort(cohort -> cohort.get("overall").get("learners").asInt() == 2);
        tick("ada", "research");
        // 1 of 2 finished Advanced: 50% reached once.
        var first = awaitThresholds(1);
        assertThat(first.getFirst().value().event()).isEqualTo(new CohortLevelThresholdReached(
                organisationId, cohortId, checklistId, 1, "advanced", 50, 1, 2));
        untick("ada", "research");
        // A dip counts once the cohort applied it: one flush nets an untick and a tick of the same
        // learner away (docs/progress.md), so wait for it before rising again.
        awaitCohort(cohort -> cohort.get("levels").get(1).get("standing").get("finished").asInt() == 0);
        tick("ada", "research");
        tick("bob", "research");
        // Fell below 50%, rose to it again, then to 90% and 100%.
        var all = awaitThresholds(4);
        assertThat(all.stream().map(record -> ((CohortLevelThresholdReached) record.value().event()).thresholdPercent()))
                .containsExactly(50, 50, 90, 100);
        assertThat(all.stream().map(record -> record.value().id()).distinct()).hasSize(4);
    }

    @Test
    void aChangeDeliveredAgainOrOutOfDateChangesNothing() {
        activity(new LearnerJoinedCohort(organisationId, cohortId, "ada", checklistId, 1));
        tick("ada", "notation");
        awaitCohort(cohort -> cohort.get("overall").get("finished").asInt() == 0
                && itemTickedBy(cohort, 0, 0) == 1);
        // An outbox entry published twice, and a stale one: ada's row has seen later sequences.
        publisher.publish(Topics.COHORT_PROGRESS, new CohortMembersChanged(organisationId, cohortId, "1",
                List.of(new CohortMembersChanged.Member("ada", checklistId, 1, 1, CohortMembersChanged.MEMBER, false,
                        List.of("matrices"), List.of(), Map.of(), Map.of(), Instant.now(), "0-1"))));
        tick("ada", "research");
        JsonNode view = awaitCohort(cohort -> cohort.get("levels").get(1).get("standing").get("finished").asInt() == 1);
        assertThat(itemTickedBy(view, 0, 1)).isZero();
        assertThat(view.get("overall").get("averagePercent").asDouble()).isEqualTo(66.67);
    }

    @Test
    void evidenceOfATickShowsInTheLearnersViewUntilTheUntick() {
        String path = "/api/v1/progress/cohorts/" + cohortId + "/learners/ivy";
        activity(new LearnerJoinedCohort(organisationId, cohortId, "ivy", checklistId, 1));
        tick("ivy", "notation");
        activity(new ItemEvidenceAttached(organisationId, cohortId, "ivy", checklistId, 1, "notation",
                "https://github.com/ivy/linear-algebra", "Worked through the exercises"));
        // Evidence for an item not ticked changes nothing.
        activity(new ItemEvidenceAttached(organisationId, cohortId, "ivy", checklistId, 1, "matrices",
                "https://example.org/not-yet", null));
        JsonNode view = await().atMost(Duration.ofSeconds(30)).until(() -> client(organisationId).get(path).json(),
                answer -> answer.get("checklists").size() == 1 && !firstItem(answer, 0).get("evidence").isNull());
        assertThat(firstItem(view, 0).get("evidence").get("url").asString())
                .isEqualTo("https://github.com/ivy/linear-algebra");
        assertThat(firstItem(view, 0).get("evidence").get("note").asString()).isEqualTo("Worked through the exercises");
        assertThat(firstItem(view, 1).get("evidence").isNull()).isTrue();

        untick("ivy", "notation");
        tick("ivy", "notation");
        // Ticked again after the untick: the evidence went with the first tick.
        await().atMost(Duration.ofSeconds(30)).until(() -> client(organisationId).get(path).json(),
                answer -> firstItem(answer, 0).get("tickedAt").isString() && firstItem(answer, 0).get("evidence").isNull());
    }

    @Test
    void itemsInProgressAndSkippedShowInTheLearnersViewAndCountApartInTheCohort() {
        String path = "/api/v1/progress/cohorts/" + cohortId + "/learners/lia";
        activity(new LearnerJoinedCohort(organisationId, cohortId, "lia", checklistId, 1));
        tick("lia", "notation");
        activity(new ItemSkipped(organisationId, cohortId, "lia", checklistId, 1, "matrices", "covered at school"));
        activity(new ItemStarted(organisationId, cohortId, "lia", checklistId, 1, "research"));

        JsonNode view = await().atMost(Duration.ofSeconds(30)).until(() -> client(organisationId).get(path).json(),
                answer -> answer.get("checklists").size() == 1
                        && answer.get("checklists").get(0).get("inProgress").asInt() == 1);
        JsonNode checklist = view.get("checklists").get(0);
        JsonNode entry = checklist.get("levels").get(0);
        // Skipping the level's other item finished it: 1 done of the 1 left to do.
        assertThat(entry.get("ticked").asInt()).isEqualTo(1);
        assertThat(entry.get("skipped").asInt()).isEqualTo(1);
        assertThat(entry.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(entry.get("finishedAt").isString()).isTrue();
        assertThat(firstItem(view, 0).get("state").asString()).isEqualTo("done");
        assertThat(firstItem(view, 1).get("state").asString()).isEqualTo("skipped");
        assertThat(firstItem(view, 1).get("skipReason").asString()).isEqualTo("covered at school");
        assertThat(checklist.get("levels").get(1).get("categories").get(0).get("items").get(0).get("state").asString())
                .isEqualTo("in-progress");
        assertThat(checklist.get("percent").asDouble()).as("1 done of 2 left to do").isEqualTo(50.0);

        JsonNode cohort = awaitCohort(answer -> answer.get("levels").size() > 0
                && answer.get("levels").get(0).get("categories").get(1).get("items").get(0).get("skippedBy").asInt() == 1);
        assertThat(cohort.get("levels").get(0).get("standing").get("finished").asInt()).isEqualTo(1);
        assertThat(cohort.get("levels").get(1).get("categories").get(0).get("items").get(0).get("inProgressBy").asInt())
                .isEqualTo(1);
        // Left to do: Entry nothing (one done, one skipped), Advanced its one item (in progress).
        JsonNode pace = client(organisationId).get("/api/v1/progress/cohorts/" + cohortId + "/pace").json();
        assertThat(pace.get("levels").get(0).get("remaining").asInt()).isZero();
        assertThat(pace.get("levels").get(1).get("remaining").asInt()).isEqualTo(1);
        // The table: 1 done of 2 to do (3 items, 1 skipped); Entry 1 of 1, Advanced 0 of 1.
        assertThat(text("/api/v1/progress/cohorts/" + cohortId + "/table.csv").split("\r\n"))
                .contains("lia,50.0,1,2,100.0,0.0");

        // An untick takes a skipped item back to not started: the level is open again.
        untick("lia", "matrices");
        JsonNode reopened = await().atMost(Duration.ofSeconds(30)).until(() -> client(organisationId).get(path).json(),
                answer -> answer.get("checklists").get(0).get("levels").get(0).get("finishedAt").isNull());
        assertThat(firstItem(reopened, 1).get("state").asString()).isEqualTo("not-started");
        assertThat(firstItem(reopened, 1).get("skipReason").isNull()).isTrue();
    }

    @Test
    void aCohortsProgressAsOfAMomentIsWhatTheLiveProjectionShowedThen() {
        String path = "/api/v1/progress/cohorts/" + cohortId;
        Instant beforeAnything = Instant.now();
        awaitThePast(beforeAnything);
        activity(new LearnerJoinedCohort(organisationId, cohortId, "jay", checklistId, 1));
        activity(new LearnerJoinedCohort(organisationId, cohortId, "kim", checklistId, 1));
        tick("jay", "notation", "matrices");
        tick("kim", "notation");
        JsonNode then = awaitCohort(cohort -> cohort.get("levels").size() > 0
                && cohort.get("levels").get(0).get("standing").get("finished").asInt() == 1
                && itemTickedBy(cohort, 0, 0) == 2 && itemTickedBy(cohort, 0, 1) == 1);
        Instant moment = Instant.now();
        awaitThePast(moment);
        tick("kim", "matrices");
        untick("jay", "notation");
        JsonNode now = awaitCohort(cohort -> itemTickedBy(cohort, 0, 0) == 1 && itemTickedBy(cohort, 0, 1) == 2);

        assertThat(client(organisationId).get(path + "?asOf=" + moment).json()).isEqualTo(then);
        assertThat(client(organisationId).get(path + "?asOf=" + Instant.now()).json()).isEqualTo(now);
        assertThat(client(organisationId).get(path + "?asOf=" + beforeAnything).json().get("levels")).isEmpty();
        assertThat(client(organisationId).get(path + "?asOf=later").status()).isEqualTo(400);
    }

    /** Until the clock (to the millisecond records are stamped with) has passed {@code moment}. */
    private static void awaitThePast(Instant moment) {
        await().pollInterval(Duration.ofMillis(2)).until(() -> Instant.now().toEpochMilli() > moment.toEpochMilli());
    }

    /** The first item of the level's {@code category}-th category (the checklist's first level). */
    private static JsonNode firstItem(JsonNode learner, int category) {
        return learner.get("checklists").get(0).get("levels").get(0).get("categories").get(category).get("items").get(0);
    }

    @Test
    void aLearnersProgressAsOfAMomentIsWhatTheLiveProjectionShowedThen() {
        String path = "/api/v1/progress/cohorts/" + cohortId + "/learners/hal";
        Instant beforeAnything = Instant.now();
        awaitThePast(beforeAnything);
        activity(new LearnerJoinedCohort(organisationId, cohortId, "hal", checklistId, 1));
        tick("hal", "notation");
        activity(new ItemSkipped(organisationId, cohortId, "hal", checklistId, 1, "matrices", "seen it"));
        activity(new ItemStarted(organisationId, cohortId, "hal", checklistId, 1, "research"));
        JsonNode then = await().atMost(Duration.ofSeconds(30)).until(() -> client(organisationId).get(path).json(),
                view -> view.get("checklists").size() == 1
                        && view.get("checklists").get(0).get("levels").get(0).get("finishedAt").isString()
                        && view.get("checklists").get(0).get("inProgress").asInt() == 1);
        // The records so far were written before this moment; those that follow, after it.
        Instant moment = Instant.now();
        awaitThePast(moment);
        untick("hal", "notation");
        tick("hal", "research");
        tick("hal", "matrices");
        JsonNode now = await().atMost(Duration.ofSeconds(30)).until(() -> client(organisationId).get(path).json(),
                view -> view.get("checklists").get(0).get("tickedItems").has("research")
                        && view.get("checklists").get(0).get("tickedItems").has("matrices"));

        assertThat(client(organisationId).get(path + "?asOf=" + moment).json()).isEqualTo(then);
        assertThat(client(organisationId).get(path + "?asOf=" + Instant.now()).json()).isEqualTo(now);
        assertThat(client(organisationId).get(path + "?asOf=" + beforeAnything).json().get("checklists")).isEmpty();
        for (String bad : List.of("yesterday", Instant.now().plusSeconds(3600).toString())) {
            assertThat(client(organisationId).get(path + "?asOf=" + bad).status()).as(bad).isEqualTo(400);
        }
    }

    @Test
    void aLearnersAndACohortsPaceForecastTheLevelsInOrder() {
        activity(new LearnerJoinedCohort(organisationId, cohortId, "fay", checklistId, 1));
        activity(new LearnerJoinedCohort(organisationId, cohortId, "gus", checklistId, 1));
        tick("fay", "notation", "matrices");
        tick("gus", "notation");
        awaitCohort(cohort -> itemTickedBy(cohort, 0, 0) == 2 && itemTickedBy(cohort, 0, 1) == 1);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        JsonNode fay = client(organisationId).get("/api/v1/progress/cohorts/" + cohortId + "/learners/fay/pace").json();
        assertThat(fay.get("weeks")).hasSize(4);
        assertThat(fay.get("weeks").get(3).get("ticked").asInt()).isEqualTo(2);
        assertThat(fay.get("itemsPerWeek").asDouble()).isEqualTo(0.5);
        // Entry is finished; Advanced's one item at half an item a week: two weeks.
        assertThat(fay.get("levels").get(0).get("remaining").asInt()).isZero();
        assertThat(fay.get("levels").get(0).get("projectedFinish").isNull()).isTrue();
        assertThat(fay.get("levels").get(1).get("projectedFinish").asString()).isEqualTo(today.plusDays(14).toString());

        JsonNode cohort = client(organisationId).get("/api/v1/progress/cohorts/" + cohortId + "/pace?weeks=1").json();
        assertThat(cohort.get("weeks")).singleElement()
                .satisfies(week -> assertThat(week.get("ticked").asInt()).isEqualTo(3));
        // Left: Entry 1 (gus's matrices), Advanced 2; at 3 a week, in order: 3 and 7 days.
        assertThat(cohort.get("levels").valueStream().map(level -> level.get("id").asString() + ":"
                + level.get("remaining").asInt() + ":" + level.get("projectedFinish").asString()))
                .containsExactly("entry:1:" + today.plusDays(3), "advanced:2:" + today.plusDays(7));

        // Of a learner not in the cohort, nothing: not even ticks they have elsewhere.
        JsonNode stranger = client(organisationId).get("/api/v1/progress/cohorts/coh_other/learners/fay/pace").json();
        assertThat(stranger.get("levels")).isEmpty();
        assertThat(stranger.get("itemsPerWeek").asDouble()).isZero();

        for (String weeks : List.of("0", "27", "many")) {
            assertThat(client(organisationId).get("/api/v1/progress/cohorts/" + cohortId + "/pace?weeks=" + weeks)
                    .status()).as(weeks).isEqualTo(400);
        }
    }

    @Test
    void aLearnersTimelineAndCalendarAndBadQueries() {
        activity(new LearnerJoinedCohort(organisationId, cohortId, "eve", checklistId, 1));
        tick("eve", "notation", "matrices");
        untick("eve", "notation");
        JsonNode timeline = await().atMost(Duration.ofSeconds(30)).until(() -> client(organisationId)
                .get("/api/v1/progress/learners/eve/timeline?limit=2").json(), t -> t.get("total").asInt() == 3);
        assertThat(timeline.get("entries")).hasSize(2);
        assertThat(timeline.get("entries").get(0).get("change").asString()).isEqualTo("unticked");
        assertThat(timeline.get("entries").get(1).get("itemId").asString()).isEqualTo("matrices");
        JsonNode days = client(organisationId).get("/api/v1/progress/learners/eve/ticks-per-day").json();
        assertThat(days.get("days")).hasSize(365);
        assertThat(days.get("days").get(364).get("ticks").asInt()).isEqualTo(2);

        for (String bad : List.of("/api/v1/progress/cohorts/" + cohortId + "/learners?limit=0",
                "/api/v1/progress/cohorts/" + cohortId + "/learners?offset=-1",
                "/api/v1/progress/cohorts/" + cohortId + "/learners?limit=many",
                "/api/v1/progress/cohorts/" + cohortId + "/learners?search=" + "x".repeat(129),
                "/api/v1/progress/cohorts?ids=", "/api/v1/progress/cohorts?ids=bad%20id",
                "/api/v1/progress/cohorts?ids=" + "c,".repeat(101),
                "/api/v1/progress/cohorts/" + cohortId + "/ticks-per-day?from=yesterday",
                "/api/v1/progress/cohorts/" + cohortId + "/ticks-per-day?from=2026-01-02&to=2026-01-01",
                "/api/v1/progress/cohorts/" + cohortId + "/ticks-per-day?from=2024-01-01&to=2026-01-01",
                "/api/v1/progress/cohorts/" + cohortId + "/burn-up?from=last-week",
                "/api/v1/progress/cohorts/" + cohortId + "/burn-up?from=2026-01-12&to=2026-01-05",
                "/api/v1/progress/cohorts/" + cohortId + "/burn-up?from=2020-01-01&to=2026-01-01",
                "/api/v1/progress/cohorts/bad%20id",
                "/api/v1/progress/learners/eve/timeline?limit=501")) {
            var response = client(organisationId).get(bad);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.isProblem()).as(bad).isTrue();
        }
        JsonNode elsewhere = client("org_other").get("/api/v1/progress/cohorts/" + cohortId).json();
        assertThat(elsewhere.get("overall").get("learners").asInt()).isZero();
        assertThat(elsewhere.get("levels")).isEmpty();
    }

    @Test
    void theOpenApiDocumentDescribesEveryProgressQueryWithoutTheGatewaysIdentityAsAParameter() {
        JsonNode paths = JsonHttp.at(baseUrl()).get("/v3/api-docs").json().get("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/progress/learners/{learnerId}",
                "/api/v1/progress/learners/{learnerId}/timeline", "/api/v1/progress/learners/{learnerId}/ticks-per-day",
                "/api/v1/progress/learners/{learnerId}/stream", "/api/v1/progress/cohorts/{cohortId}",
                "/api/v1/progress/cohorts/{cohortId}/learners", "/api/v1/progress/cohorts/{cohortId}/table.csv",
                "/api/v1/progress/cohorts/{cohortId}/ticks-per-day", "/api/v1/progress/cohorts/{cohortId}/burn-up",
                "/api/v1/progress/cohorts/{cohortId}/stream");
        assertThat(paths.toString()).doesNotContain("\"name\":\"tenant\"");
    }

    private static List<Long> finishedByWeek(JsonNode burnUp, int level) {
        return burnUp.get("levels").get(level).get("finished").valueStream().map(JsonNode::asLong).toList();
    }

    private static <E extends dev.ticklist.events.TicklistEvent> EventPublisher.Identified<E> at(Instant time, E event) {
        return new EventPublisher.Identified<>(UUID.randomUUID().toString(), event, time);
    }

    private static int itemTickedBy(JsonNode cohort, int level, int category) {
        return cohort.get("levels").get(level).get("categories").get(category).get("items").get(0).get("tickedBy").asInt();
    }

    private void activity(dev.ticklist.events.activity.LearnerActivityEvent event) {
        publisher.publish(Topics.LEARNER_ACTIVITY, event);
    }

    private void tick(String learner, String... items) {
        for (String item : items) {
            activity(new ItemTicked(organisationId, cohortId, learner, checklistId, 1, item));
        }
    }

    private void untick(String learner, String item) {
        activity(new ItemUnticked(organisationId, cohortId, learner, checklistId, 1, item));
    }

    private JsonNode awaitCohort(Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = client(organisationId).get("/api/v1/progress/cohorts/" + cohortId);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            return response.json();
        }, condition);
    }

    @SuppressWarnings("unchecked")
    private List<org.apache.kafka.clients.consumer.ConsumerRecord<String, EventEnvelope<?>>> awaitThresholds(int count) {
        return TopicReader.consume(Topics.MILESTONES.name(), new EventEnvelopeDeserializer(),
                        record -> record.key().equals(organisationId + "/" + cohortId), count).stream()
                .map(record -> (org.apache.kafka.clients.consumer.ConsumerRecord<String, EventEnvelope<?>>) record)
                .toList();
    }

    private String text(String path) {
        try {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Authorization", "Bearer " + token(organisationId)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
            return response.body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private JsonHttp client(String organisation) {
        return JsonHttp.at(baseUrl()).withBearer(token(organisation));
    }

    private String token(String organisation) {
        return identityTokens.issue(organisation, Set.of(Scope.READ), "progress-service");
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
