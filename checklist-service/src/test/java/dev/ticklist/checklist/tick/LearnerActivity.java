package dev.ticklist.checklist.tick;

import dev.ticklist.checklist.ServiceIT;
import dev.ticklist.events.TicklistEvent;
import dev.ticklist.events.activity.ItemActivity;
import dev.ticklist.events.activity.ItemEvidenceAttached;
import dev.ticklist.testsupport.http.JsonHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** What the tick commands recorded for a learner, read back from the learner activity topic. */
abstract class LearnerActivity extends ServiceIT {

    /**
     * The learner's item activity and evidence, in the order of their partition, once every one
     * of {@code eventIds} is there: anything else recorded for the learner is among them too.
     */
    protected List<TicklistEvent> eventsOf(String learnerId, List<String> eventIds) {
        try (var consumer = learnerActivityFromStart()) {
            var found = new ArrayList<TicklistEvent>();
            var seen = new HashSet<String>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    var event = record.value().event();
                    if (record.key().equals(organisationId + "/" + learnerId)
                            && (event instanceof ItemActivity || event instanceof ItemEvidenceAttached)) {
                        found.add(event);
                        seen.add(record.value().id());
                    }
                }
                if (seen.containsAll(eventIds)) {
                    return found;
                }
            }
            throw new AssertionError("expected events " + eventIds + " of " + learnerId + ", found " + found);
        }
    }

    protected static List<String> ids(JsonHttp.Response receipt) {
        return receipt.json().get("eventIds").valueStream().map(id -> id.asString()).toList();
    }

    protected static String ticks(String cohortId, String learnerId) {
        return "/api/v1/cohorts/" + cohortId + "/learners/" + learnerId + "/ticks";
    }
}
