package org.rentrecovery.contract;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.validation.TraversableResolver;

import org.hibernate.validator.internal.engine.resolver.TraversableResolvers;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The service's Bean Validation reaches every property through Hibernate Validator's own default resolver, which it
 * uses as it is instead of wrapping it per validation in a cache of always-yes answers (ValidationTraversal). What a
 * validation finds is unchanged: DecisionEndpointTest and PublicJsonContractTest check the 400s' field lists.
 */
@QuarkusTest
class ValidationTraversalTest {

    @Inject
    TraversableResolver resolver;

    @Test
    void theServiceUsesHibernateValidatorsOwnDefaultResolver() {
        assertThat(resolver.getClass()).isEqualTo(TraversableResolvers.getDefault().getClass());
    }

    @Test
    void hibernateValidatorDoesNotWrapItPerValidation() {
        assertThat(TraversableResolvers.wrapWithCachingForSingleValidation(resolver, true)).isSameAs(resolver);
    }

    /** Quarkus's own "traverse all" is another class, like this one: such a resolver is wrapped for every validation. */
    @Test
    void anyOtherResolverIsWrappedPerValidation() {
        TraversableResolver other = new TraversableResolver() {
            @Override
            public boolean isReachable(Object bean, jakarta.validation.Path.Node node, Class<?> root, jakarta.validation.Path path,
                    java.lang.annotation.ElementType type) {
                return true;
            }

            @Override
            public boolean isCascadable(Object bean, jakarta.validation.Path.Node node, Class<?> root, jakarta.validation.Path path,
                    java.lang.annotation.ElementType type) {
                return true;
            }
        };
        assertThat(TraversableResolvers.wrapWithCachingForSingleValidation(other, true)).isNotSameAs(other);
    }
}
