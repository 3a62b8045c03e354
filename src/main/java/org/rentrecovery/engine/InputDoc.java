package org.rentrecovery.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What one input of a model means, for the people who write the tables: put on a component of a
 * contract's input record. {@link InputTable} turns the record into the documented table of inputs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface InputDoc {
    /** What the value means, in a sentence (when it is null, and its unit). */
    String value();

    /** A typical value as written in a table cell. */
    String example();
}
