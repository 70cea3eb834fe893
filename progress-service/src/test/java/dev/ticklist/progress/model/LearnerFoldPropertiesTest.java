package dev.ticklist.progress.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * However the listener cuts a learner stream into batches, stores and reloads state between
 * them, or gets events delivered again, the learners end up the same, with the same timeline,
 * ticks per day, milestones and member changes.
 */
class LearnerFoldPropertiesTest {

    @Property(tries = 400)
    void foldingInStoredAndReloadedChunksGivesWhatFoldingAtOnceGives(
            @ForAll("streams") List<LearnerActivity> stream, @ForAll("chunkSizes") List<Integer> chunkSizes) {
        var atOnce = FoldedLearners.atOnce(stream);
        // Coverage: the kinds of milestone the stream caused.
        Statistics.collect(atOnce.milestones.stream().map(milestone -> milestone.event().getClass().getSimpleName())
                .collect(Collectors.toCollection(TreeSet::new)));

        assertSame(FoldedLearners.inChunks(stream, chunkSizes, List.of(0)), atOnce);
    }

    @Property(tries = 400)
    void eventsDeliveredAgainChangeNothing(@ForAll("streams") List<LearnerActivity> stream,
                                           @ForAll("chunkSizes") List<Integer> chunkSizes,
                                           @ForAll("redelivered") List<Integer> redelivered) {
        assertSame(FoldedLearners.inChunks(stream, chunkSizes, redelivered), FoldedLearners.atOnce(stream));
    }

    /**
     * The stored level fields are what the items' states say: counts done and skipped, levels
     * finished (every item done or skipped, one done), the checklist finished (every level with
     * items left to do, and one such).
     */
    @Property(tries = 300)
    void levelFieldsAgreeWithTheTicks(@ForAll("streams") List<LearnerActivity> stream) {
        FoldedLearners.atOnce(stream).states.forEach((learner, state) -> state.versions().forEach((key, progress) -> {
            var structure = Checklists.VERSIONS.of(key.substring(0, key.indexOf('@')),
                    Integer.parseInt(key.substring(key.indexOf('@') + 1)));
            assertThat(progress.ticked().keySet()).as("%s %s items", learner, key)
                    .isSubsetOf(structure.placeOfItem().keySet());
            boolean all = true;
            boolean any = false;
            for (var level : structure.levelsInOrder()) {
                long ticked = level.categories().stream().flatMap(category -> category.items().stream())
                        .filter(item -> progress.isTicked(item.id())).count();
                long skipped = level.categories().stream().flatMap(category -> category.items().stream())
                        .filter(item -> progress.state(item.id()).isSkipped()).count();
                boolean finished = ticked > 0 && ticked + skipped == level.itemCount();
                boolean toDo = level.itemCount() - skipped > 0;
                all &= finished || !toDo;
                any |= toDo;
                assertThat(progress.tickedIn(level.id())).as("%s %s %s ticked", learner, key, level.id())
                        .isEqualTo(ticked);
                assertThat(progress.skippedIn(level.id())).as("%s %s %s skipped", learner, key, level.id())
                        .isEqualTo(skipped);
                assertThat(progress.finishedAt(level.id()) != null).as("%s %s %s finished", learner, key, level.id())
                        .isEqualTo(finished);
            }
            assertThat(progress.checklistFinishedAt() != null).as("%s %s checklist finished", learner, key)
                    .isEqualTo(all && any);
        }));
    }

    private static void assertSame(FoldedLearners actual, FoldedLearners expected) {
        assertThat(actual.stored()).as("states as stored").isEqualTo(expected.stored());
        assertThat(actual.timelines).as("timelines").isEqualTo(expected.timelines);
        assertThat(actual.ticksPerDay).as("ticks per day").isEqualTo(expected.ticksPerDay);
        assertThat(actual.milestoneIds()).as("milestone ids").isEqualTo(expected.milestoneIds());
        assertThat(actual.changes).as("member changes").isEqualTo(expected.changes);
    }

    @Provide
    Arbitrary<List<LearnerActivity>> streams() {
        return LearnerStreams.streams();
    }

    @Provide
    Arbitrary<List<Integer>> chunkSizes() {
        return LearnerStreams.chunkSizes();
    }

    @Provide
    Arbitrary<List<Integer>> redelivered() {
        return Arbitraries.integers().between(0, 6).list().ofMinSize(1).ofMaxSize(4);
    }
}
