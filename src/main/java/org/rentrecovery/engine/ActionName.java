package org.rentrecovery.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an output column (a component of a contract's row record, read as a String) that names a
 * step: one of the service's actions or a landlord's own code declared with its category. The
 * compiler refuses a set whose column could hold any other name.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface ActionName {
}
