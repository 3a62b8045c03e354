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

    /**
     * For an input that holds one name of a closed list as text: the enum whose constants it holds (an input typed
     * with the enum itself lists them without this). A cell testing any other quoted name is refused, as it could
     * never be true ({@code CELL_VALUE_NOT_ALLOWED}).
     */
    Class<? extends Enum<?>> valuesOf() default NoList.class;

    /** Names it holds besides {@link #valuesOf()}'s, e.g. NONE when nothing is recorded; or the whole list without an enum. */
    String[] alsoValues() default {};

    /** No closed list: the input takes any words. */
    enum NoList {
    }
}
