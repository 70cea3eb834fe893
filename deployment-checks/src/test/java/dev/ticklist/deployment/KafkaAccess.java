package dev.ticklist.deployment;

import dev.ticklist.events.Topic;
import dev.ticklist.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What each service must be allowed on Kafka, and nothing more. Writes come from the event catalog
 * ({@link Topic#writer()}); what a service reads is stated here, from its listeners and followers.
 */
final class KafkaAccess {

    /**
     * The topics each service reads: {@code @KafkaListener}s (progress-service's LearnerActivityListener
     * and CohortProgressListener, notification-service's MilestoneListener) and TopicFollowers (the
     * services' {@code followers.follow(Topics.X, ...)}).
     */
    static final Map<String, List<Topic<?>>> READS = Map.of(
            "gateway", List.of(Topics.ACCESS),
            "checklist-service", List.of(Topics.DIRECTORY, Topics.CATALOG),
            "progress-service", List.of(Topics.LEARNER_ACTIVITY, Topics.COHORT_PROGRESS, Topics.CATALOG),
            "notification-service", List.of(Topics.MILESTONES, Topics.WEBHOOKS));

    /** The followed topics a service snapshots (FollowerSnapshots: {@code <topic>.snapshots.<service>}). */
    static final Map<String, List<Topic<?>>> SNAPSHOTS = Map.of(
            "checklist-service", List.of(Topics.DIRECTORY, Topics.CATALOG),
            "progress-service", List.of(Topics.CATALOG));

    /** Services in consumer groups: their group and any beside it (a rebuild's) start with their name. */
    static final Set<String> CONSUMER_GROUPS = Set.of("progress-service", "notification-service");

    /** AggregateWriters' transactional ids, {@code <service>.<topic>.<partition>}: checklist-service decides commands. */
    static final Set<String> AGGREGATE_WRITERS = Set.of("checklist-service");

    private KafkaAccess() {
    }

    /** Every grant every service needs. */
    static Set<KafkaAcl> expected() {
        Set<KafkaAcl> acls = new TreeSet<>(KafkaAccess::compare);
        for (String service : Repository.SERVICES) {
            for (Topic<?> topic : READS.getOrDefault(service, List.of())) {
                topic(acls, service, topic.name(), "READ", "DESCRIBE");
                // Records a service cannot apply go to the topic's dead-letter topic.
                topic(acls, service, topic.deadLetterTopic(), "WRITE", "DESCRIBE");
            }
            for (Topic<?> topic : Topics.writtenBy(service)) {
                topic(acls, service, topic.name(), "WRITE", "DESCRIBE");
            }
            for (Topic<?> topic : SNAPSHOTS.getOrDefault(service, List.of())) {
                String snapshots = topic.name() + ".snapshots." + service;
                topic(acls, service, snapshots, "CREATE", "READ", "WRITE", "DESCRIBE");
                grant(acls, service, "TRANSACTIONAL_ID", "LITERAL", snapshots, "WRITE", "DESCRIBE");
            }
            if (CONSUMER_GROUPS.contains(service)) {
                grant(acls, service, "GROUP", "PREFIXED", service, "READ", "DESCRIBE");
            }
            if (AGGREGATE_WRITERS.contains(service)) {
                grant(acls, service, "TRANSACTIONAL_ID", "PREFIXED", service + ".", "WRITE", "DESCRIBE");
            }
        }
        return acls;
    }

    /** The grants one side has that the other lacks, as lines for a report. */
    static List<String> differences(String where, Set<KafkaAcl> declared) {
        Set<KafkaAcl> expected = expected();
        Set<String> lines = new TreeSet<>();
        expected.stream().filter(acl -> !declared.contains(acl))
                .forEach(acl -> lines.add(where + ": missing grant " + acl));
        declared.stream().filter(acl -> !expected.contains(acl))
                .forEach(acl -> lines.add(where + ": grant beyond what the service needs: " + acl));
        return List.copyOf(lines);
    }

    /** Grants that no service should ever hold, whatever the model says: wildcards, cluster rights, topic prefixes. */
    static List<String> tooBroad(String where, Set<KafkaAcl> declared) {
        return declared.stream()
                .filter(acl -> acl.name().equals("*") || acl.resourceType().equals("CLUSTER")
                        || acl.operation().equals("ALL")
                        || (acl.resourceType().equals("TOPIC") && !acl.patternType().equals("LITERAL")))
                .map(acl -> where + ": too broad a grant: " + acl)
                .toList();
    }

    private static void topic(Set<KafkaAcl> acls, String service, String topic, String... operations) {
        grant(acls, service, "TOPIC", "LITERAL", topic, operations);
    }

    private static void grant(Set<KafkaAcl> acls, String service, String type, String pattern, String name,
                              String... operations) {
        for (String operation : operations) {
            acls.add(new KafkaAcl("User:" + service, type, pattern, name, operation));
        }
    }

    static int compare(KafkaAcl a, KafkaAcl b) {
        return a.toString().compareTo(b.toString());
    }
}
