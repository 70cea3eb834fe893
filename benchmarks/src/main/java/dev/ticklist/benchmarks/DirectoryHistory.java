package dev.ticklist.benchmarks;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.TicklistEvent;
import dev.ticklist.events.Topic;
import dev.ticklist.events.Topics;
import dev.ticklist.events.catalog.ChecklistDraftSaved;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Category;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Item;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Level;
import dev.ticklist.events.directory.CohortCreated;
import dev.ticklist.events.directory.CohortRenamed;
import dev.ticklist.events.directory.LearnerEnrolled;
import dev.ticklist.events.directory.LearnerWithdrawn;
import dev.ticklist.events.directory.OrganisationCreated;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Years of an organisation's directory and catalog, as checklist-service would have written
 * them: cohorts created and renamed, learners enrolled and moved from cohort to cohort, drafts
 * edited over and over. The history is long, the state it leaves small — what invariant 9 is
 * about. The generator keeps the state it leaves, to check a started service against.
 */
final class DirectoryHistory {

    static final String ORGANISATION = "org-history";
    private static final String SOURCE = "/ticklist/checklist-service";

    private final int cohorts;
    private final int learners;
    private final Random random = new Random(42);
    /** Which cohort each learner is in now. */
    private final int[] cohortOf;
    private long published;

    DirectoryHistory(int cohorts, int learners) {
        this.cohorts = cohorts;
        this.learners = learners;
        this.cohortOf = new int[learners];
    }

    /** Publishes about {@code events} directory events and a tenth as many catalog events. */
    long publish(KafkaProducer<String, EventEnvelope<?>> producer, int events) {
        var acks = new Acknowledgements();
        send(producer, Topics.DIRECTORY, new OrganisationCreated(ORGANISATION, "History University"), acks);
        for (int c = 0; c < cohorts; c++) {
            send(producer, Topics.DIRECTORY, new CohortCreated(ORGANISATION, cohortId(c), "Cohort " + c,
                    LoadGenerator.CHECKLIST, LoadGenerator.VERSION), acks);
        }
        for (int l = 0; l < learners; l++) {
            cohortOf[l] = l % cohorts;
            send(producer, Topics.DIRECTORY, new LearnerEnrolled(ORGANISATION, cohortId(cohortOf[l]), learnerId(l)), acks);
        }
        long directory = 1 + cohorts + learners;
        while (directory < events) {
            int learner = random.nextInt(learners);
            int to = random.nextInt(cohorts);
            if (to != cohortOf[learner]) {
                send(producer, Topics.DIRECTORY, new LearnerWithdrawn(ORGANISATION, cohortId(cohortOf[learner]),
                        learnerId(learner)), acks);
                send(producer, Topics.DIRECTORY, new LearnerEnrolled(ORGANISATION, cohortId(to), learnerId(learner)), acks);
                cohortOf[learner] = to;
                directory += 2;
            }
            if (random.nextInt(100) == 0) {
                int cohort = random.nextInt(cohorts);
                send(producer, Topics.DIRECTORY, new CohortRenamed(ORGANISATION, cohortId(cohort),
                        "Cohort " + cohort + " (" + directory + ")"), acks);
                directory++;
            }
        }
        for (int edit = 0; edit < events / 10; edit++) {
            send(producer, Topics.CATALOG, draft(edit % 500, edit), acks);
        }
        producer.flush();
        acks.requireAll(published);
        return published;
    }

    /** Each cohort's learners as the history leaves them. */
    Map<String, Set<String>> enrolments() {
        var enrolments = new TreeMap<String, Set<String>>();
        for (int c = 0; c < cohorts; c++) {
            enrolments.put(cohortId(c), new HashSet<>());
        }
        for (int l = 0; l < learners; l++) {
            enrolments.get(cohortId(cohortOf[l])).add(learnerId(l));
        }
        return enrolments;
    }

    private static ChecklistDraftSaved draft(int checklist, int edit) {
        var items = List.of(new Item("read", "Read", "edit " + edit), new Item("write", "Write", ""),
                new Item("review", "Review", ""));
        return new ChecklistDraftSaved("draft-" + checklist, ORGANISATION, "Draft " + checklist, null,
                List.of(new Level("entry", "Entry", List.of(new Category("basics", "Basics", items)))));
    }

    private <E extends TicklistEvent> void send(KafkaProducer<String, EventEnvelope<?>> producer, Topic<? super E> topic,
                                                E event, Acknowledgements acks) {
        var envelope = new EventEnvelope<>(UUID.randomUUID().toString(), SOURCE, Instant.now(), event);
        producer.send(new ProducerRecord<>(topic.name(), event.key(), envelope), acks);
        published++;
    }

    static String cohortId(int cohort) {
        return "cohort-" + cohort;
    }

    private static String learnerId(int learner) {
        return "learner-" + learner;
    }
}
