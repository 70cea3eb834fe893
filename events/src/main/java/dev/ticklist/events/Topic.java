package dev.ticklist.events;

/**
 * One Kafka topic and the stream of events it carries.
 *
 * @param name       the topic's name
 * @param eventType  the sealed interface whose records travel on it
 * @param writer     the one service allowed to write it
 * @param partitions the partition count it is created with
 */
public record Topic<E extends TicklistEvent>(String name, Class<E> eventType, String writer, int partitions) {

    /** Where records that cannot be processed go, with the reason in headers. */
    public String deadLetterTopic() {
        return name + ".dlt";
    }
}
