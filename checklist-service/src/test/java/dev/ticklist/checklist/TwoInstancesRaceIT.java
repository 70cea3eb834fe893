package dev.ticklist.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.TicklistEvent;
import dev.ticklist.events.Topic;
import dev.ticklist.events.Topics;
import dev.ticklist.events.activity.LearnerActivityEvent;
import dev.ticklist.events.activity.LearnerChecklistAssigned;
import dev.ticklist.events.activity.LearnerJoinedCohort;
import dev.ticklist.events.directory.CohortArchived;
import dev.ticklist.events.directory.DirectoryEvent;
import dev.ticklist.events.directory.LearnerEnrolled;
import dev.ticklist.platform.identity.IdentityTokens;
import dev.ticklist.platform.identity.Scope;
import dev.ticklist.testsupport.RealInfrastructureInitializer;
import dev.ticklist.testsupport.http.JsonHttp;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Invariant 8 with two real instances of checklist-service on one broker: the same command sent
 * to both at the same moment ends as some serial order of the two would leave it. Each race
 * runs several rounds, since one round may happen not to overlap.
 */
class TwoInstancesRaceIT extends ServiceIT {

    private static final int ROUNDS = 6;

    private static ConfigurableApplicationContext second;

    /** Acts for {@link #organisationId} on the second instance. */
    private JsonHttp secondWriter;

    @BeforeAll
    static void startSecondInstance() {
        second = new SpringApplicationBuilder(ChecklistServiceApplication.class)
                .initializers(new RealInfrastructureInitializer())
                .run("--server.port=0");
    }

    @AfterAll
    static void stopSecondInstance() {
        second.close();
    }

    @BeforeEach
    void secondWriter() {
        String port = second.getEnvironment().getRequiredProperty("local.server.port");
        secondWriter = JsonHttp.at("http://127.0.0.1:" + port).withBearer(identityTokens.issue(organisationId, Set.of(Scope.WRITE), "checklist-service"));
    }

    @Test
    void publishingOneDraftOnBothInstancesAtOnceGivesOneVersionAndRefusesTheOther() {
        String own = ownChecklist();
        for (int round = 1; round <= ROUNDS; round++) {
            assertThat(writer.patch(draft(own) + "/items/regression", Map.of("name", "Regression " + round)).status())
                    .isEqualTo(200);

            var answers = race(() -> writer.post("/api/v1/checklists/" + own + "/versions", Map.of()),
                    () -> secondWriter.post("/api/v1/checklists/" + own + "/versions", Map.of()));

            assertThat(answers).extracting(JsonHttp.Response::status).as("round %d", round)
                    .containsExactlyInAnyOrder(201, 409);
        }
        assertThat(writer.get("/api/v1/checklists/" + own + "/versions").json().valueStream()
                .map(version -> version.get("version").asInt())).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void editsOfOneDraftOnBothInstancesAtOnceAreBothKept() {
        String own = ownChecklist();
        String category = writer.get(draft(own)).json().get("levels").get(0).get("categories").get(0).get("id")
                .asString();
        for (int round = 1; round <= ROUNDS; round++) {
            String first = "first-" + round;
            String other = "other-" + round;

            var answers = race(
                    () -> writer.post(draft(own) + "/categories/" + category + "/items", Map.of("id", first, "name", first)),
                    () -> secondWriter.post(draft(own) + "/categories/" + category + "/items",
                            Map.of("id", other, "name", other)));

            assertThat(answers).extracting(JsonHttp.Response::status).containsOnly(201);
            assertThat(writer.get(draft(own)).body()).contains("\"" + first + "\"", "\"" + other + "\"");
        }
    }

    @Test
    void anEditMadeOnWhatWasReadBeforeAnotherEditIsRefused() {
        String own = ownChecklist();
        var read = writer.get(draft(own));
        String tag = read.header("ETag");

        var first = secondWriter.withHeader("If-Match", tag)
                .patch(draft(own) + "/items/regression", Map.of("name", "Regression, first"));
        var stale = writer.withHeader("If-Match", tag)
                .patch(draft(own) + "/items/regression", Map.of("name", "Regression, second"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isNotNull().isNotEqualTo(tag);
        assertProblem(stale, 412);
        assertThat(stale.json().get("type").asString()).isEqualTo("urn:ticklist:problem:draft-changed");
        assertThat(writer.get(draft(own)).body()).contains("Regression, first").doesNotContain("Regression, second");
        String now = writer.get(draft(own)).header("ETag");
        assertThat(now).isEqualTo(first.header("ETag"));
        assertThat(writer.withHeader("If-Match", now).patch(draft(own) + "/items/regression",
                Map.of("name", "Regression, second")).status()).isEqualTo(200);
        assertThat(writer.withHeader("If-Match", "*").patch(draft(own) + "/items/regression",
                Map.of("name", "Regression, third")).status()).isEqualTo(200);
    }

    @Test
    void anEnrolmentRacingAnArchiveIsEitherBeforeItOrRefused() {
        for (int round = 1; round <= ROUNDS; round++) {
            String cohortId = cohortWith("ada");
            String learner = "racer-" + round;

            var answers = race(() -> secondWriter.post("/api/v1/cohorts/" + cohortId + "/learners",
                            Map.of("learnerIds", List.of(learner))),
                    () -> writer.post("/api/v1/cohorts/" + cohortId + "/archive", Map.of()));

            var enrolled = answers.getFirst();
            assertThat(enrolled.status()).as(enrolled.toString()).isIn(200, 409);
            assertThat(answers.getLast().status()).isEqualTo(200);
            var directory = eventsOf(Topics.DIRECTORY, organisationId, DirectoryEvent.class);
            int archivedAt = indexOf(directory, event -> event instanceof CohortArchived archived
                    && archived.cohortId().equals(cohortId));
            int enrolledAt = indexOf(directory, event -> event instanceof LearnerEnrolled joined
                    && joined.cohortId().equals(cohortId) && joined.learnerId().equals(learner));
            if (enrolled.status() == 200) {
                assertThat(enrolledAt).as("round %d: enrolled before the archive", round).isBetween(0, archivedAt);
                assertThat(writer.get("/api/v1/cohorts/" + cohortId + "/learners").body()).contains(learner);
            } else {
                assertThat(enrolledAt).as("round %d: refused, so never enrolled", round).isEqualTo(-1);
            }
        }
    }

    @Test
    void anEnrolmentRacingAMoveToANewerVersionLeavesTheLearnerOnTheNewerVersion() {
        String own = ownChecklist();
        writer.post("/api/v1/checklists/" + own + "/versions", Map.of());
        for (int round = 1; round <= ROUNDS; round++) {
            writer.patch(draft(own) + "/items/regression", Map.of("name", "Regression " + round));
            int newer = writer.post("/api/v1/checklists/" + own + "/versions", Map.of()).json().get("version").asInt();
            String cohortId = writer.post("/api/v1/cohorts", Map.of("name", "C", "checklistId", own,
                    "checklistVersion", newer - 1)).json().get("id").asString();
            String learner = "mover-" + round;

            var answers = race(() -> secondWriter.post("/api/v1/cohorts/" + cohortId + "/learners",
                            Map.of("learnerIds", List.of(learner))),
                    () -> writer.put("/api/v1/cohorts/" + cohortId + "/checklist", Map.of("checklistId", own)));

            assertThat(answers).extracting(JsonHttp.Response::status).containsOnly(200);
            // Joined on the newer version, or on the older one and then moved: never left behind.
            var activity = eventsOf(Topics.LEARNER_ACTIVITY, organisationId + "/" + learner, LearnerActivityEvent.class);
            int lastVersion = -1;
            for (var event : activity) {
                if (event instanceof LearnerJoinedCohort joined && joined.cohortId().equals(cohortId)) {
                    lastVersion = joined.checklistVersion();
                } else if (event instanceof LearnerChecklistAssigned moved && moved.cohortId().equals(cohortId)) {
                    assertThat(moved.previousChecklistVersion()).isEqualTo(lastVersion);
                    lastVersion = moved.checklistVersion();
                }
            }
            assertThat(lastVersion).as("round %d: %s", round, activity).isEqualTo(newer);
        }
    }

    private String ownChecklist() {
        return writer.post("/api/v1/checklists", Map.of("title", "Ours", "copyOf", "machine-learning"))
                .json().get("id").asString();
    }

    private static String draft(String checklistId) {
        return "/api/v1/checklists/" + checklistId + "/draft";
    }

    /** Both requests released at the same moment, each on its own thread; answers in the order given. */
    private static List<JsonHttp.Response> race(Supplier<JsonHttp.Response> one, Supplier<JsonHttp.Response> other) {
        var start = new CyclicBarrier(2);
        var first = CompletableFuture.supplyAsync(() -> released(start, one), runnable -> Thread.ofVirtual().start(runnable));
        var second = CompletableFuture.supplyAsync(() -> released(start, other), runnable -> Thread.ofVirtual().start(runnable));
        return List.of(first.join(), second.join());
    }

    private static JsonHttp.Response released(CyclicBarrier start, Supplier<JsonHttp.Response> request) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return request.get();
    }

    /** Every committed event of the key's partition that is about the key, in log order. */
    private static <E extends TicklistEvent> List<E> eventsOf(Topic<?> topic, String key, Class<E> type) {
        return recordedUnder(topic, key).stream().map(EventEnvelope::event).filter(type::isInstance).map(type::cast)
                .toList();
    }

    private static <E> int indexOf(List<E> events, Predicate<E> matching) {
        for (int i = 0; i < events.size(); i++) {
            if (matching.test(events.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
