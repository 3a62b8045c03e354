package org.rentrecovery.contract;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.TraversableResolver;

import org.hibernate.validator.internal.engine.resolver.TraversableResolvers;

/**
 * Which properties Bean Validation may reach: all of them, as before, but told to Hibernate Validator in the form it
 * recognises. Quarkus configures its own "traverse all" resolver, a class Hibernate Validator does not know, so every
 * validation wrapped it in a caching resolver that allocated a holder and a hash map entry for each property of the case,
 * twice (can it be reached, can it be cascaded), to remember answers that are always yes: about a fifth of validating a
 * case (docs/benchmarks.md, "Next-action's request path by thread and bucket"). Hibernate Validator's own default is the
 * same "traverse all" when no JPA provider is on the class path (and the JPA-aware resolver when one is, as Quarkus
 * would choose), and that one it uses as it is. Quarkus takes a bean of this type in place of its own.
 */
@Dependent
public class ValidationTraversal {

    @Produces
    @Singleton
    TraversableResolver everyPropertyReachable() {
        return TraversableResolvers.getDefault();
    }
}
