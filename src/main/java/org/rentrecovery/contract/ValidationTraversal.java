package org.rentrecovery.contract;

import jakarta.inject.Singleton;

import org.hibernate.validator.BaseHibernateValidatorConfiguration;

import io.quarkus.arc.Unremovable;
import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;

/**
 * Bean Validation asks Quarkus's "traverse all" resolver directly, with no per-validation cache of its answers.
 * Hibernate Validator recognises only its own resolver classes, so with its result cache on (the default) every
 * validation wrapped Quarkus's in a caching resolver that allocated a holder and a hash map entry for each property of
 * the case, twice (can it be reached, can it be cascaded), to remember answers that are always yes: about a fifth of
 * validating a case (docs/benchmarks.md, "Next-action's request path by thread and bucket"). The cache pays only where
 * an answer costs something, JPA's on entities, and the service has no JPA: it is turned off through Hibernate
 * Validator's public setting (were JPA added, Quarkus would pick the JPA-aware resolver, and the cache should return).
 */
@Singleton
@Unremovable // Quarkus looks customizers up by type when it builds the factory; nothing injects this one
public class ValidationTraversal implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        configuration.enableTraversableResolverResultCache(false);
    }
}
