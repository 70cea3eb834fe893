package dev.ticklist.devstack;

import dev.ticklist.devstack.ActivityFold.Activity;
import dev.ticklist.devstack.ActivityFold.LearnerState;
import dev.ticklist.testsupport.http.JsonHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A dashboard reading progress over HTTP in the background while projections change under it:
 * every {@code every} one learner's progress (the watched learners in turn), and every tenth time
 * the cohort's, from the instances currently behind the "load balancer" in turn. Keeps every
 * answer, to be judged afterwards against the learners' histories.
 */
final class ProgressReads implements AutoCloseable {

    /** One learner answer: from where, when it was asked, and what it said (state null: no checklist). */
    record LearnerRead(String target, String learnerId, long sentAt, int status, LearnerState state, String failure) {
    }

    /** One cohort answer: from where, and whether it failed or showed no cohort at all. */
    record CohortRead(String target, long sentAt, int status, boolean empty, String failure) {
    }

    /** What the reads show, by the standards the scenario asked for. */
    record Verdict(List<String> violations, int learnerReads, int cohortReads, Map<String, Integer> readsByTarget,
                   Duration maxStaleness, int regressions) {
    }

    /** A learner without events: only ever no progress. */
    private static final List<LearnerState> NO_HISTORY = Collections.singletonList(null);

    private final List<String> learnerIds;
    private final String cohortId;
    private final Map<String, JsonHttp> targets = new LinkedHashMap<>();
    private final List<LearnerRead> learnerReads = new CopyOnWriteArrayList<>();
    private final List<CohortRead> cohortReads = new CopyOnWriteArrayList<>();
    private final AtomicLong turn = new AtomicLong();
    private volatile boolean closing;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "progress-reads");
        thread.setDaemon(true);
        return thread;
    });

    private ProgressReads(List<String> learnerIds, String cohortId) {
        this.learnerIds = List.copyOf(learnerIds);
        this.cohortId = cohortId;
    }

    static ProgressReads start(List<String> learnerIds, String cohortId, Duration every) {
        var reads = new ProgressReads(learnerIds, cohortId);
        reads.scheduler.scheduleWithFixedDelay(reads::readOnce, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return reads;
    }

    /** Puts an instance behind the load balancer. */
    synchronized void addTarget(String name, JsonHttp client) {
        targets.put(name, client);
    }

    /** Takes an instance from behind the load balancer: no read starts on it afterwards. */
    synchronized void removeTarget(String name) {
        targets.remove(name);
    }

    private synchronized Map.Entry<String, JsonHttp> nextTarget(long n) {
        if (targets.isEmpty()) {
            return null;
        }
        return List.copyOf(targets.entrySet()).get((int) (n % targets.size()));
    }

    // Holds the lock while it reads, so that a target removed is no longer read once removeTarget returns.
    private synchronized void readOnce() {
        long n = turn.getAndIncrement();
        var target = nextTarget(n);
        if (target == null) {
            return;
        }
        long sentAt = System.nanoTime();
        if (n % 10 == 9) {
            try {
                var response = target.getValue().get("/api/v1/progress/cohorts/" + cohortId);
                cohortReads.add(response.status() == 200
                        ? new CohortRead(target.getKey(), sentAt, 200, ProgressAnswers.isEmptyCohort(response.json()), null)
                        : new CohortRead(target.getKey(), sentAt, response.status(), false, response.toString()));
            } catch (RuntimeException e) {
                if (!closing) {
                    cohortReads.add(new CohortRead(target.getKey(), sentAt, 0, false, e.toString()));
                }
            }
            return;
        }
        String learnerId = learnerIds.get((int) (n % learnerIds.size()));
        try {
            var response = target.getValue().get("/api/v1/progress/learners/" + learnerId);
            learnerReads.add(response.status() == 200
                    ? new LearnerRead(target.getKey(), learnerId, sentAt, 200, ProgressAnswers.learnerState(response.json()), null)
                    : new LearnerRead(target.getKey(), learnerId, sentAt, response.status(), null, response.toString()));
        } catch (RuntimeException e) {
            // A read cut short by close() is not an answer.
            if (!closing) {
                learnerReads.add(new LearnerRead(target.getKey(), learnerId, sentAt, 0, null, e.toString()));
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Judges every read against the learners' histories:
     * <ul>
     * <li>no read failed (an error status or no answer);</li>
     * <li>every learner answer equals the learner's state at some moment of their history
     *     (never a mix of two generations, never something the fold never held);</li>
     * <li>no empty answer (no checklist, or a cohort without one) for a learner or cohort an
     *     earlier read showed with progress;</li>
     * <li>no answer misses an event acknowledged more than {@code maxStaleness} before it was
     *     asked: a gap (reads moved to a generation still behind) shows as stale answers.</li>
     * </ul>
     * Answers that are older than an earlier answer for the same learner, by less than the
     * staleness bound, are counted (the two generations apply the same events a little apart)
     * but allowed: the design promises no monotonic reads across a switch.
     */
    Verdict verdict(ActivityFold fold, List<Activity> published, Map<String, Long> acknowledgedAt,
                    Duration maxStaleness) {
        Map<String, List<LearnerState>> history = fold.statesAfterEachEvent(published);
        Map<String, List<Activity>> eventsOf = new HashMap<>();
        published.forEach(event -> eventsOf.computeIfAbsent(event.learnerId(), id -> new ArrayList<>()).add(event));
        var violations = new ArrayList<String>();
        Map<String, Integer> byTarget = new TreeMap<>();
        Map<String, Integer> floor = new HashMap<>();
        Set<String> seenWithProgress = new HashSet<>();
        long worstStaleness = 0;
        int regressions = 0;
        for (LearnerRead read : learnerReads) {
            byTarget.merge(read.target(), 1, Integer::sum);
            String at = read.target() + ", " + read.learnerId() + ": ";
            if (read.failure() != null) {
                violations.add(at + "failed: " + read.failure());
                continue;
            }
            if (read.state() == null && seenWithProgress.contains(read.learnerId())) {
                violations.add(at + "no progress, after an earlier answer showed some");
            }
            List<LearnerState> states = history.getOrDefault(read.learnerId(), NO_HISTORY);
            var matching = new ArrayList<Integer>();
            for (int k = 0; k < states.size(); k++) {
                if (Objects.equals(states.get(k), read.state())) {
                    matching.add(k);
                }
            }
            if (matching.isEmpty()) {
                violations.add(at + "an answer the learner never had: " + read.state());
                continue;
            }
            if (read.state() != null) {
                seenWithProgress.add(read.learnerId());
            }
            int latest = matching.getLast();
            List<Activity> events = eventsOf.getOrDefault(read.learnerId(), List.of());
            if (latest < events.size()) {
                Long missedAck = acknowledgedAt.get(events.get(latest).eventId());
                long staleness = missedAck == null ? 0 : read.sentAt() - missedAck;
                worstStaleness = Math.max(worstStaleness, staleness);
                if (staleness > maxStaleness.toNanos()) {
                    violations.add(at + "misses an event acknowledged " + Duration.ofNanos(staleness).toMillis()
                            + " ms before it was asked");
                }
            }
            int lowest = floor.getOrDefault(read.learnerId(), 0);
            var notOlder = matching.stream().filter(k -> k >= lowest).findFirst();
            if (notOlder.isPresent()) {
                floor.put(read.learnerId(), notOlder.get());
            } else {
                regressions++;
            }
        }
        boolean cohortSeen = false;
        for (CohortRead read : cohortReads) {
            byTarget.merge(read.target() + " (cohort)", 1, Integer::sum);
            if (read.failure() != null) {
                violations.add(read.target() + ", the cohort: failed: " + read.failure());
            } else if (read.empty() && cohortSeen) {
                violations.add(read.target() + ", the cohort: empty, after an earlier answer showed it");
            }
            cohortSeen = cohortSeen || (read.failure() == null && !read.empty());
        }
        return new Verdict(violations, learnerReads.size(), cohortReads.size(), byTarget,
                Duration.ofNanos(worstStaleness), regressions);
    }
}
