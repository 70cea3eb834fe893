package dev.ticklist.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The CloudEvents type of an event record, versioned ({@code dev.ticklist.item.ticked.v2}).
 * The wire never carries a Java class name, so records can be renamed freely; a change of
 * shape is a new type with a new version, never an edit of a published one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    String value();

    /**
     * The records of the versions this one replaced: still read, each {@link Superseded} and
     * turned into this version as it is read, so no reader ever sees an old shape.
     */
    Class<? extends Superseded<?>>[] supersedes() default {};
}
