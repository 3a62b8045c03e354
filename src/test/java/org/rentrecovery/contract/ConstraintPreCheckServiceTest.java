package org.rentrecovery.contract;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;
import org.rentrecovery.support.TestCases;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The service's own validator (Quarkus's, with its resolver and validators) describes the case so that the pre-check
 * answers a valid case itself, and is not sure of one Hibernate Validator refuses: the saving holds in the service,
 * not only with the plain validator the other tests build.
 */
@QuarkusTest
class ConstraintPreCheckServiceTest {

    @Inject
    Validator validator;

    @Test
    void withTheServicesValidatorAValidCaseIsCertainAndAnInvalidOneIsNot() {
        ConstraintPreCheck check = ConstraintPreCheck.of(validator, CaseFacts.class);
        CaseFacts valid = TestCases.secure().action("SEND_SMS_REMINDER", 3).set("account.balance", 250.5).facts();
        CaseFacts invalid = TestCases.secure().set("tenancy.tenants", java.util.List.of(java.util.Map.of("id", " "))).facts();

        assertThat(validator.validate(valid)).isEmpty();
        assertThat(check.certainlyValid(valid)).isTrue();
        assertThat(validator.validate(invalid)).hasSize(1);
        assertThat(check.certainlyValid(invalid)).isFalse();
    }
}
