package dev.ticklist.checklist.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.checklist.ChecklistServiceApplication;
import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.Topics;
import dev.ticklist.platform.kafka.KafkaEventsConfiguration.TopicFollowers;
import dev.ticklist.testsupport.Infrastructure;
import dev.ticklist.testsupport.TestIdentityKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.ErrorResponseException;

/**
 * Random sequences of directory commands, run against the real service, broker and Redis, leave
 * exactly the state a simple model predicts, and a fresh fold of the topic yields that state too.
 */
class DirectoryFoldPropertiesIT {

    private static final List<String> LEARNERS = List.of("ada", "bob", "cy", "dee", "eve");
    private static ConfigurableApplicationContext service;

    @BeforeContainer
    static void startService() {
        var infrastructure = Infrastructure.shared();
        var arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--spring.data.redis.host=" + infrastructure.redisHost(),
                "--spring.data.redis.port=" + infrastructure.redisPort()));
        arguments.addAll(TestIdentityKeys.arguments());
        service = new SpringApplicationBuilder(ChecklistServiceApplication.class).run(arguments.toArray(String[]::new));
    }

    @AfterContainer
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    sealed interface Command {
        record Create(String name) implements Command {
        }

        record Enrol(int cohort, List<String> learners) implements Command {
        }

        record Withdraw(int cohort, List<String> learners) implements Command {
        }

        record Rename(int cohort, String name) implements Command {
        }

        record Archive(int cohort) implements Command {
        }
    }

    /** What a cohort should look like, folded by the test itself. */
    record ModelCohort(String name, boolean archived, Set<String> learners) {
    }

    @Property(tries = 25, seed = "20261123")
    void commandsFoldToTheModelAndTheTopicFoldsToTheSameState(@ForAll("commands") List<Command> commands)
            throws TimeoutException {
        var commandsApi = service.getBean(DirectoryCommands.class);
        var directory = service.getBean(Directory.class);
        String organisation = "org_p" + UUID.randomUUID().toString().substring(0, 8);
        commandsApi.createOrganisation(organisation, "Property test");
        List<String> ids = new ArrayList<>();
        Map<String, ModelCohort> model = new HashMap<>();

        for (Command command : commands) {
            run(commandsApi, organisation, ids, model, command);
        }

        assertThat(stateOf(directory, organisation)).isEqualTo(new TreeMap<>(model));
        assertThat(stateOf(refold(), organisation)).isEqualTo(new TreeMap<>(model));
        assertThat(stateOf(fromSnapshot(directory), organisation)).isEqualTo(new TreeMap<>(model));
    }

    /** A directory rebuilt from another's snapshot, as an instance starting from it would. */
    private static Directory fromSnapshot(Directory directory) {
        var restored = new Directory();
        directory.asEvents().forEach(event -> restored.apply(new EventEnvelope<>("snapshot", "/test", Instant.EPOCH, event)));
        return restored;
    }

    private static void run(DirectoryCommands api, String organisation, List<String> ids,
                            Map<String, ModelCohort> model, Command command) {
        switch (command) {
            case Command.Create create -> {
                var cohort = api.createCohort(organisation, create.name(), "machine-learning", null);
                ids.add(cohort.id());
                model.put(cohort.id(), new ModelCohort(create.name(), false, Set.of()));
            }
            case Command.Enrol enrol when ids.size() > enrol.cohort() -> {
                String id = ids.get(enrol.cohort());
                var before = model.get(id);
                expectRefusalIf(before.archived(), () -> api.enrol(organisation, id, enrol.learners()));
                if (!before.archived()) {
                    var learners = new LinkedHashSet<>(before.learners());
                    learners.addAll(enrol.learners());
                    model.put(id, new ModelCohort(before.name(), false, Set.copyOf(learners)));
                }
            }
            case Command.Withdraw withdraw when ids.size() > withdraw.cohort() -> {
                String id = ids.get(withdraw.cohort());
                api.withdraw(organisation, id, withdraw.learners());
                var before = model.get(id);
                var learners = new LinkedHashSet<>(before.learners());
                withdraw.learners().forEach(learners::remove);
                model.put(id, new ModelCohort(before.name(), before.archived(), Set.copyOf(learners)));
            }
            case Command.Rename rename when ids.size() > rename.cohort() -> {
                String id = ids.get(rename.cohort());
                var before = model.get(id);
                expectRefusalIf(before.archived(), () -> api.rename(organisation, id, rename.name()));
                if (!before.archived()) {
                    model.put(id, new ModelCohort(rename.name(), false, before.learners()));
                }
            }
            case Command.Archive archive when ids.size() > archive.cohort() -> {
                String id = ids.get(archive.cohort());
                api.archive(organisation, id);
                var before = model.get(id);
                model.put(id, new ModelCohort(before.name(), true, before.learners()));
            }
            default -> {
                // A command for a cohort that does not exist yet: nothing to do.
            }
        }
    }

    private static void expectRefusalIf(boolean refused, Runnable command) {
        if (!refused) {
            command.run();
            return;
        }
        try {
            command.run();
            throw new AssertionError("an archived cohort accepted a change");
        } catch (ErrorResponseException e) {
            assertThat(e.getStatusCode().value()).isEqualTo(409);
        }
    }

    private static TreeMap<String, ModelCohort> stateOf(Directory directory, String organisation) {
        var state = new TreeMap<String, ModelCohort>();
        directory.cohorts(organisation).forEach(cohort -> state.put(cohort.id(),
                new ModelCohort(cohort.name(), cohort.archived(), Set.copyOf(cohort.learners()))));
        return state;
    }

    /** A new fold of the whole directory topic, as a restarted instance would make it. */
    private static Directory refold() throws TimeoutException {
        var fresh = new Directory();
        var follower = service.getBean(TopicFollowers.class).follow(Topics.DIRECTORY, fresh::apply);
        follower.start();
        try {
            follower.awaitCaughtUp(Duration.ofSeconds(30));
        } finally {
            follower.stop();
        }
        return fresh;
    }

    @Provide
    Arbitrary<List<Command>> commands() {
        Arbitrary<Integer> cohort = Arbitraries.integers().between(0, 2);
        Arbitrary<List<String>> learners = Arbitraries.of(LEARNERS).list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<String> names = Arbitraries.of("Spring", "Autumn", "Evening class", "Cohort 7");
        Arbitrary<Command> create = names.map(Command.Create::new);
        // Mostly enrolments and withdrawals, where the state is richest.
        Arbitrary<Command> change = Arbitraries.frequencyOf(
                Tuple.of(1, create),
                Tuple.of(5, cohort.flatMap(c -> learners.map(l -> new Command.Enrol(c, l)))),
                Tuple.of(4, cohort.flatMap(c -> learners.map(l -> new Command.Withdraw(c, l)))),
                Tuple.of(2, cohort.flatMap(c -> names.map(n -> new Command.Rename(c, n)))),
                Tuple.of(1, cohort.map(Command.Archive::new)));
        return Combinators.combine(create.list().ofMinSize(1).ofMaxSize(3), change.list().ofMinSize(1).ofMaxSize(15))
                .as((creates, changes) -> {
                    var all = new ArrayList<Command>(creates);
                    all.addAll(changes);
                    return List.copyOf(all);
                });
    }
}
