package org.rentrecovery.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.ElementType;

import jakarta.inject.Inject;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.ValidatorFactory;

import org.hibernate.validator.HibernateValidatorFactory;
import org.junit.jupiter.api.Test;
import org.rentrecovery.support.TestCases;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The service's Bean Validation asks its resolver every time, without Hibernate Validator's per-validation cache of
 * the answers (ValidationTraversal). What a validation finds is unchanged: DecisionEndpointTest,
 * PublicJsonContractTest and BatchDecisionEndpointTest check the 400s' field lists.
 */
@QuarkusTest
class ValidationTraversalTest {

    @Inject
    ValidatorFactory factory;

    /**
     * A case's required sections are both checked ({@code @NotNull}) and cascaded into ({@code @Valid}): each is asked
     * about more than once in a validation, which a cache answers from its map after the first time.
     */
    @Test
    void theServicesValidatorAsksItsResolverEveryTimeWithNoCacheBetween() {
        CaseFacts facts = TestCases.secure().facts();
        CountingResolver service = new CountingResolver();
        CountingResolver cached = new CountingResolver();

        factory.usingContext().traversableResolver(service).getValidator().validate(facts);
        factory.unwrap(HibernateValidatorFactory.class).usingContext().traversableResolver(cached)
                .enableTraversableResolverResultCache(true).getValidator().validate(facts);

        assertThat(cached.asked).isPositive();
        assertThat(service.asked).isGreaterThan(cached.asked);
    }

    /** Every property reachable, as "traverse all" answers; counts the questions. */
    private static final class CountingResolver implements TraversableResolver {
        int asked;

        @Override
        public boolean isReachable(Object bean, Path.Node node, Class<?> root, Path path, ElementType type) {
            asked++;
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node node, Class<?> root, Path path, ElementType type) {
            asked++;
            return true;
        }
    }
}
