package dev.ringwatch.jfr;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.MetadataDefinition;
import jdk.jfr.Relational;

/**
 * Marks a field holding a ring id, so that tools (JDK Mission Control) can relate the events of
 * one ring: its creation, slot updates, leak and close. Ring ids are assigned by the agent, unique
 * within one JVM, start at 1; 0 means "no ring".
 *
 * <p>No {@code @Name}: JFR then names it after the class, and {@code ValueDescriptor.getAnnotation(RingId.class)}
 * finds it (with a different name it would not).
 */
@MetadataDefinition
@Relational
@Label("Ring Id")
@Description("Identifies one io_uring ring within the JVM; the same id links all of that ring's events")
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RingId {
}
