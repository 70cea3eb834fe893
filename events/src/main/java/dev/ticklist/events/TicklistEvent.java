package dev.ticklist.events;

/** An immutable fact. Each stream has a sealed sub-interface; its records are the stream's events. */
public interface TicklistEvent {

    /** The Kafka record key. It decides the partition, and so which events keep their order. */
    String key();

    /** What the event is about, for the CloudEvents {@code subject} attribute. */
    String subject();
}
