package dev.ticklist.progress.cohort;

import dev.ticklist.progress.calendar.TicksPerDay;
import dev.ticklist.progress.catalog.ChecklistCatalog;
import dev.ticklist.progress.catalog.ChecklistStructure;
import dev.ticklist.events.Topics;
import dev.ticklist.events.cohort.CohortProgressEvent;
import dev.ticklist.progress.generation.ProjectionGenerations;
import dev.ticklist.progress.generation.ProjectionReadiness;
import dev.ticklist.progress.redis.ScriptPipeline;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Reads cohort projections. The view and the calendar read a fixed number of fields, whatever
 * the cohort's size; only the ranking pages and the table grow with it, as they must.
 */
public class CohortProgressQuery {

    private static final int TABLE_PAGE = 1_000;
    private static final RedisScript<?> RANKING_PAGE = ScriptPipeline.script("scripts/read-ranking-page.lua");
    private static final RedisScript<?> SEARCH_RANKING = ScriptPipeline.script("scripts/search-ranking.lua");

    private final StringRedisTemplate redis;
    private final ChecklistCatalog catalog;
    private final ProjectionGenerations generations;
    private final ProjectionReadiness readiness;

    public CohortProgressQuery(StringRedisTemplate redis, ChecklistCatalog catalog, ProjectionGenerations generations,
                               ProjectionReadiness readiness) {
        this.redis = redis;
        this.catalog = catalog;
        this.generations = generations;
        this.readiness = readiness;
    }

    /** The cohort's keys to read, once every projection it rests on is whole (else a 503 problem). */
    private CohortKeys keys(String organisationId, String cohortId) {
        requireWhole(organisationId, cohortId);
        return new CohortKeys(generations.serving(), organisationId, cohortId);
    }

    private void requireWhole(String organisationId, String cohortId) {
        readiness.requireReady(Topics.COHORT_PROGRESS, CohortProgressEvent.cohortKey(organisationId, cohortId));
        // A cohort's members may be in any partition of learner activity.
        readiness.requireAllReady(Topics.LEARNER_ACTIVITY);
    }

    /**
     * What {@code read} reads of the cohort's keys, checked whole before the read and again after
     * it, so a read that a wipe of Redis overtook answers 503, never what it found of the emptied keys.
     */
    private <T> T whole(String organisationId, String cohortId, Function<CohortKeys, T> read) {
        T answer = read.apply(keys(organisationId, cohortId));
        requireWhole(organisationId, cohortId);
        return answer;
    }

    public CohortProgress find(String organisationId, String cohortId) {
        return whole(organisationId, cohortId, keys -> view(cohortId, redis.opsForHash().entries(keys.aggregates())));
    }

    /** The view of a cohort's aggregates as its projection stores them ({@code cv}: the checklist version). */
    CohortProgress view(String cohortId, Map<Object, Object> aggregates) {
        var fields = new Fields(aggregates);
        Optional<ChecklistStructure> structure = structureOf(aggregates);
        if (structure.isEmpty()) {
            return new CohortProgress(cohortId, null, null, fields.standing("T"), List.of());
        }
        long learners = fields.number("T:learners");
        var levels = structure.get().levelsInOrder().stream().map(level -> new CohortProgress.LevelProgress(
                level.id(), level.name(), level.itemCount(), fields.standing("L:" + level.id()),
                level.categories().stream().map(category -> new CohortProgress.CategoryProgress(
                        category.id(), category.name(), category.itemCount(), fields.standing("C:" + category.id()),
                        category.items().stream().map(item -> {
                            long tickedBy = fields.number("I:" + item.id());
                            return new CohortProgress.ItemShare(item.id(), item.name(), tickedBy,
                                    learners == 0 ? 0 : Math.round(10000.0 * tickedBy / learners) / 10000.0,
                                    fields.number("IP:" + item.id()), fields.number("IS:" + item.id()));
                        }).toList())).toList())).toList();
        return new CohortProgress(cohortId, structure.get().checklistId(), structure.get().version(),
                fields.standing("T"), levels);
    }

    /** A page of the ranking, read in one round trip. */
    public CohortRanking ranking(String organisationId, String cohortId, long offset, int limit) {
        return whole(organisationId, cohortId, keys -> ranking(keys, cohortId, offset, limit));
    }

    private CohortRanking ranking(CohortKeys keys, String cohortId, long offset, int limit) {
        var reply = (List<?>) redis.execute(RANKING_PAGE, List.of(keys.ranking()), Long.toString(offset),
                Integer.toString(limit));
        long size = ((Number) reply.get(0)).longValue();
        long ahead = ((Number) reply.get(1)).longValue();
        var page = (List<?>) reply.get(2);
        var learners = new ArrayList<CohortRanking.RankedLearner>();
        long rank = ahead + 1;
        String previous = null;
        for (int i = 0; i + 1 < page.size(); i += 2) {
            String score = text(page.get(i + 1));
            // Rank = 1 + learners strictly ahead: a lower score than the one before has all the page's predecessors ahead.
            if (previous != null && !previous.equals(score)) {
                rank = offset + i / 2 + 1;
            }
            previous = score;
            learners.add(new CohortRanking.RankedLearner(rank, text(page.get(i)), Double.parseDouble(score) / 100));
        }
        return new CohortRanking(cohortId, size, offset, limit, learners);
    }

    /**
     * A page of the learners whose id contains {@code text} (any case), in ranking order, each
     * with their rank in the whole cohort; {@code total} counts the matches.
     */
    public CohortRanking search(String organisationId, String cohortId, String text, long offset, int limit) {
        return whole(organisationId, cohortId, keys -> search(keys, cohortId, text, offset, limit));
    }

    private CohortRanking search(CohortKeys keys, String cohortId, String text, long offset, int limit) {
        var reply = (List<?>) redis.execute(SEARCH_RANKING, List.of(keys.ranking()), text.toLowerCase(Locale.ROOT),
                Long.toString(offset), Integer.toString(limit));
        long matches = ((Number) reply.get(0)).longValue();
        var page = (List<?>) reply.get(1);
        var learners = new ArrayList<CohortRanking.RankedLearner>();
        for (int i = 0; i + 2 < page.size(); i += 3) {
            learners.add(new CohortRanking.RankedLearner(((Number) page.get(i + 2)).longValue(), text(page.get(i)),
                    Double.parseDouble(text(page.get(i + 1))) / 100));
        }
        return new CohortRanking(cohortId, matches, offset, limit, learners);
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : String.valueOf(value);
    }

    /**
     * The cohort's burn-up over the weeks asked for (see {@link CohortBurnUp.Range}); by default
     * since its first activity, the earliest tick or finish it counts.
     */
    public CohortBurnUp burnUp(String organisationId, String cohortId, String from, String to, LocalDate today) {
        return whole(organisationId, cohortId, keys -> burnUp(keys, cohortId, from, to, today));
    }

    private CohortBurnUp burnUp(CohortKeys keys, String cohortId, String from, String to, LocalDate today) {
        Map<Object, Object> aggregates = redis.opsForHash().entries(keys.aggregates());
        LocalDate firstActivity = CohortBurnUp.firstFinishWeek(aggregates);
        if (from == null) {
            for (Object day : redis.opsForHash().keys(keys.days())) {
                LocalDate ticked = LocalDate.ofEpochDay(Long.parseLong((String) day));
                firstActivity = firstActivity == null || ticked.isBefore(firstActivity) ? ticked : firstActivity;
            }
        }
        var range = CohortBurnUp.Range.of(from, to, today, firstActivity);
        return CohortBurnUp.of(cohortId, structureOf(aggregates).orElse(null), aggregates, range);
    }

    public List<TicksPerDay.Day> ticksPerDay(String organisationId, String cohortId, TicksPerDay.Range range) {
        return whole(organisationId, cohortId, keys -> TicksPerDay.read(redis, keys.days(), range));
    }

    /**
     * Writes the cohort's table of learners × levels as CSV (percent done of the items each
     * learner has to do: skipped ones leave it), with each learner's items done and to do, most
     * progressed first, reading the learners' rows a page at a time.
     */
    public void writeTable(String organisationId, String cohortId, Writer out) throws IOException {
        var keys = keys(organisationId, cohortId);
        var structure = structureOf(redis.opsForHash().entries(keys.aggregates()));
        List<ChecklistStructure.Level> levels = structure.map(ChecklistStructure::levelsInOrder).orElse(List.of());
        var header = new ArrayList<String>(List.of("learner", "overall %", "items done", "items not skipped"));
        levels.forEach(level -> header.add(level.name() + " %"));
        var csv = new CohortCsv(out);
        csv.writeRow(header);
        var fields = new ArrayList<String>(List.of("T", "TS"));
        levels.forEach(level -> {
            fields.add("L:" + level.id());
            fields.add("LS:" + level.id());
        });
        for (long start = 0; ; start += TABLE_PAGE) {
            var learners = redis.opsForZSet().reverseRange(keys.ranking(), start, start + TABLE_PAGE - 1);
            if (learners == null || learners.isEmpty()) {
                return;
            }
            var ids = List.copyOf(learners);
            List<Object> rows = redis.executePipelined((RedisCallback<Object>) connection -> {
                byte[][] names = fields.stream().map(String::getBytes).toArray(byte[][]::new);
                ids.forEach(learner -> connection.hashCommands().hMGet(keys.learner(learner).getBytes(), names));
                return null;
            });
            // Rows read while a wipe emptied them are never written: the download fails instead.
            requireWhole(organisationId, cohortId);
            for (int i = 0; i < ids.size(); i++) {
                @SuppressWarnings("unchecked")
                List<String> values = (List<String>) rows.get(i);
                var row = new ArrayList<String>(List.of(ids.get(i)));
                IntStream.range(0, fields.size() / 2).forEach(f ->
                        row.add(percentText(values.get(2 * f), values.get(2 * f + 1))));
                // The overall counts: done (T), and not skipped (TS, what every percent of the row is of).
                row.add(2, values.get(0) == null ? "" : values.get(0));
                row.add(3, values.get(1) == null ? "" : values.get(1));
                csv.writeRow(row);
            }
            if (ids.size() < TABLE_PAGE) {
                return;
            }
        }
    }

    private static String percentText(String count, String size) {
        if (count == null || size == null || Long.parseLong(size) == 0) {
            return "";
        }
        return Double.toString(Math.round(1000.0 * Long.parseLong(count) / Long.parseLong(size)) / 10.0);
    }

    private Optional<ChecklistStructure> structureOf(Map<Object, Object> aggregates) {
        Object checklist = aggregates.get("cv");
        if (checklist == null) {
            return Optional.empty();
        }
        String[] idAndVersion = ((String) checklist).split("@");
        return catalog.find(idAndVersion[0], Integer.parseInt(idAndVersion[1]));
    }

    /** The aggregates hash as the cohort script writes it. */
    private record Fields(Map<Object, Object> aggregates) {

        long number(String field) {
            Object value = aggregates.get(field);
            return value == null ? 0 : Long.parseLong((String) value);
        }

        CohortProgress.Standing standing(String prefix) {
            long learners = number(prefix + ":learners");
            var histogram = IntStream.range(0, 10).mapToObj(bucket -> number(prefix + ":b" + bucket)).toList();
            double average = learners == 0 ? 0
                    : Math.round(number(prefix + ":sum") / (double) learners) / 100.0;
            return new CohortProgress.Standing(learners, number(prefix + ":finished"), average, histogram);
        }
    }
}
