package dev.ticklist.progress.model;

import static dev.ticklist.progress.model.Checklists.KITCHEN;
import static dev.ticklist.progress.model.Checklists.KITCHEN_1;
import static dev.ticklist.progress.model.Checklists.KITCHEN_2;
import static dev.ticklist.progress.model.Checklists.ORG;

import dev.ticklist.events.activity.ItemSkipped;
import dev.ticklist.events.activity.ItemStarted;
import dev.ticklist.events.activity.ItemTicked;
import dev.ticklist.events.activity.ItemUnticked;
import dev.ticklist.events.activity.LearnerActivityEvent;
import dev.ticklist.events.activity.LearnerChecklistAssigned;
import dev.ticklist.events.activity.LearnerJoinedCohort;
import dev.ticklist.events.activity.LearnerLeftCohort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Random streams of learner events for the properties: learners "ada" and "bob", cohorts
 * "north", "south" and "east", the "kitchen" checklist in v1 and v2 (k3 only in v1, p4 only in
 * v2). Items are ticked, unticked, started and skipped. Single random ticks seldom finish a
 * level of six, so some steps tick (or skip) a whole level in random order. The events share one partition: offsets 0, 1, 2, ..., five hours apart, so ticks
 * fall on several days.
 */
final class LearnerStreams {

    static final List<String> LEARNERS = List.of("ada", "bob");
    static final List<String> COHORTS = List.of("north", "south", "east");
    static final Instant START = Instant.parse("2026-03-02T06:00:00Z");

    /** Every item with a version it is in: ticks name only items their version has. */
    private static final List<Tuple2<Integer, String>> PLACES = Stream.concat(
            KITCHEN_1.placeOfItem().keySet().stream().sorted().map(item -> Tuple.of(1, item)),
            KITCHEN_2.placeOfItem().keySet().stream().sorted().map(item -> Tuple.of(2, item))).toList();

    /** Skip reasons: none, or one of two. */
    private static final Arbitrary<java.util.Optional<String>> REASONS =
            Arbitraries.of("does not apply", "done elsewhere").optional();

    private LearnerStreams() {
    }

    static Arbitrary<List<LearnerActivity>> streams() {
        Arbitrary<List<LearnerActivityEvent>> step = Arbitraries.frequencyOf(
                Tuple.of(6, events().map(List::of)), Tuple.of(1, levelTicked()));
        return step.list().ofMaxSize(30)
                .map(steps -> steps.stream().flatMap(List::stream).toList())
                .map(LearnerStreams::numbered);
    }

    /** Sizes of the chunks a stream is folded in, used in turn. */
    static Arbitrary<List<Integer>> chunkSizes() {
        return Arbitraries.integers().between(1, 8).list().ofMinSize(1).ofMaxSize(6);
    }

    static Arbitrary<LearnerActivityEvent> events() {
        var learner = Arbitraries.of(LEARNERS);
        var cohort = Arbitraries.of(COHORTS);
        var version = Arbitraries.of(1, 2);
        var place = Arbitraries.of(PLACES);
        Arbitrary<LearnerActivityEvent> tick = Combinators.combine(learner, cohort, place)
                .as((who, where, what) -> new ItemTicked(ORG, where, who, KITCHEN, what.get1(), what.get2()));
        Arbitrary<LearnerActivityEvent> untick = Combinators.combine(learner, cohort, place)
                .as((who, where, what) -> new ItemUnticked(ORG, where, who, KITCHEN, what.get1(), what.get2()));
        Arbitrary<LearnerActivityEvent> start = Combinators.combine(learner, cohort, place)
                .as((who, where, what) -> new ItemStarted(ORG, where, who, KITCHEN, what.get1(), what.get2()));
        Arbitrary<LearnerActivityEvent> skip = Combinators.combine(learner, cohort, place, REASONS)
                .as((who, where, what, why) -> new ItemSkipped(ORG, where, who, KITCHEN, what.get1(), what.get2(),
                        why.orElse(null)));
        Arbitrary<LearnerActivityEvent> join = Combinators.combine(learner, cohort, version)
                .as((who, where, on) -> new LearnerJoinedCohort(ORG, where, who, KITCHEN, on));
        Arbitrary<LearnerActivityEvent> leave = Combinators.combine(learner, cohort, version)
                .as((who, where, on) -> new LearnerLeftCohort(ORG, where, who, KITCHEN, on));
        // A move names the other version as the previous one; the learner may be on either.
        Arbitrary<LearnerActivityEvent> move = Combinators.combine(learner, cohort, version)
                .as((who, where, to) -> new LearnerChecklistAssigned(ORG, where, who, KITCHEN, to, KITCHEN, 3 - to));
        return Arbitraries.frequencyOf(
                Tuple.of(8, tick), Tuple.of(3, untick), Tuple.of(2, start), Tuple.of(2, skip), Tuple.of(1, join),
                Tuple.of(1, leave), Tuple.of(1, move));
    }

    /**
     * Every item of one level of one version ticked or skipped (one in five), in random order, by
     * one learner in one cohort.
     */
    static Arbitrary<List<LearnerActivityEvent>> levelTicked() {
        return Combinators.combine(Arbitraries.of(LEARNERS), Arbitraries.of(COHORTS), Arbitraries.of(1, 2),
                Arbitraries.of("prep", "cook")).flatAs((who, where, on, level) -> {
                    var structure = on == 1 ? KITCHEN_1 : KITCHEN_2;
                    var items = structure.levels().get(level).categories().stream()
                            .flatMap(category -> category.items().stream()).map(item -> item.id()).toList();
                    var skips = Arbitraries.integers().between(0, 4).list().ofSize(items.size());
                    return Combinators.combine(Arbitraries.shuffle(items), skips).as((shuffled, dice) -> {
                        var events = new ArrayList<LearnerActivityEvent>();
                        for (int i = 0; i < shuffled.size(); i++) {
                            events.add(dice.get(i) == 0
                                    ? new ItemSkipped(ORG, where, who, KITCHEN, on, shuffled.get(i), "not here")
                                    : new ItemTicked(ORG, where, who, KITCHEN, on, shuffled.get(i)));
                        }
                        return (List<LearnerActivityEvent>) events;
                    });
                });
    }

    private static List<LearnerActivity> numbered(List<LearnerActivityEvent> events) {
        var stream = new ArrayList<LearnerActivity>();
        for (int offset = 0; offset < events.size(); offset++) {
            stream.add(new LearnerActivity("evt-" + offset, 0, offset, START.plus(Duration.ofHours(5L * offset)),
                    events.get(offset)));
        }
        return stream;
    }
}
