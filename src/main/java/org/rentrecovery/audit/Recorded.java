package org.rentrecovery.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a decision endpoint whose answer must be recorded before it is returned. The method takes
 * the request body as its first parameter and returns a {@link org.rentrecovery.contract.DecisionAnswer}.
 * Calling the resource directly (the scenario runners) records nothing: a test run is not a decision
 * about a tenant.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface Recorded {
    /** The endpoint's name in the record, e.g. {@code next-action}. */
    @Nonbinding
    String value() default "";
}
