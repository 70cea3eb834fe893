package dev.ticklist.deployment;

/**
 * One grant of Kafka's authorizer, in Kafka's own words: principal {@code User:<name>}, resource type
 * ({@code TOPIC}, {@code GROUP}, {@code TRANSACTIONAL_ID}, {@code CLUSTER}), pattern type
 * ({@code LITERAL}, {@code PREFIXED}), resource name and operation ({@code READ}, {@code WRITE}, ...).
 */
record KafkaAcl(String principal, String resourceType, String patternType, String name, String operation) {

    @Override
    public String toString() {
        return principal + " " + operation + " " + resourceType + " " + name
                + (patternType.equals("LITERAL") ? "" : " (" + patternType.toLowerCase() + ")");
    }
}
