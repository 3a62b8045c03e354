package org.rentrecovery.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rentrecovery.support.LandlordCodes.BOTH_DECLARED;
import static org.rentrecovery.support.LandlordCodes.LADDER;
import static org.rentrecovery.support.LandlordCodes.VOCABULARY;
import static org.rentrecovery.support.LandlordCodes.edit;
import static org.rentrecovery.support.LandlordCodes.row;
import static org.rentrecovery.support.LandlordCodes.seed;
import static org.rentrecovery.support.LandlordCodes.withLandlordCodes;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rentrecovery.contract.ActionCategory;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.engine.ModelSet;
import org.rentrecovery.engine.ModelSetCompiler;
import org.rentrecovery.engine.ModelSetInvalidException;
import org.rentrecovery.support.DmnXml;
import org.rentrecovery.support.Scenarios;
import org.rentrecovery.support.TestCases;

/**
 * Issue 15, item 3: a landlord declares its own action codes in the policy set, each with a
 * category the law knows; the guards judge each code by its category, and an undeclared code fails
 * when the set is built or uploaded, never on a request.
 */
class LandlordActionsTest {
    @Test
    void aLandlordsCodesAreAnsweredWithTheirCategoryAndJudgedByIt() {
        ModelSet policy = ModelSetCompiler.compile("landlord", withLandlordCodes(BOTH_DECLARED));
        assertThat(policy.landlordActions()).containsEntry("DEMAND_EMAIL", ActionCategory.LETTER)
                .containsEntry("REVIEW_FAILED_LETTER", ActionCategory.ADMIN);

        Decision plain = TestCases.decisions().decide(Scenarios.reader().validate(TestCases.secure().set("account.balance", 150).facts()), policy);
        assertThat(plain.recommendedActions()).extracting(Decision.RecommendedAction::code).containsExactly("DEMAND_EMAIL", "REVIEW_FAILED_LETTER");
        assertThat(plain.recommendedActions()).allSatisfy(a -> assertThat(a.type()).isEqualTo(ActionType.LANDLORD_ACTION));
        assertThat(plain.recommendedActions()).extracting(Decision.RecommendedAction::category)
                .containsExactly(ActionCategory.LETTER, ActionCategory.ADMIN);
        assertThat(plain.nextAction().code()).isEqualTo("DEMAND_EMAIL");

        // In a Breathing Space the demand (a LETTER) is held; the admin task never is.
        Decision breathingSpace = TestCases.decisions().decide(Scenarios.reader().validate(TestCases.secure().set("account.balance", 150)
                .set("breathingSpace", Map.of("type", "STANDARD", "startDate", "2026-11-10")).facts()), policy);
        assertThat(breathingSpace.blockedActions()).singleElement().satisfies(held -> {
            assertThat(held.code()).isEqualTo("DEMAND_EMAIL");
            assertThat(held.category()).isEqualTo(ActionCategory.LETTER);
            assertThat(held.blockedBy()).extracting(Decision.Block::guard).contains("BREATHING_SPACE");
        });
        assertThat(breathingSpace.recommendedActions()).extracting(Decision.RecommendedAction::code)
                .contains("REVIEW_FAILED_LETTER").doesNotContain("DEMAND_EMAIL");
    }

    @Test
    void theServicesOwnActionsCarryTheirCodeAndCategoryToo() {
        Decision d = TestCases.decisions().decide(Scenarios.reader().validate(TestCases.secure().set("account.balance", 150).facts()));
        assertThat(d.recommendedActions().get(0).type()).isEqualTo(ActionType.SEND_REMINDER_LETTER_1);
        assertThat(d.recommendedActions().get(0).code()).isEqualTo("SEND_REMINDER_LETTER_1");
        assertThat(d.recommendedActions().get(0).category()).isEqualTo(ActionCategory.LETTER);
    }

    @Test
    void aCodeWithoutACategoryIsRefusedWhenTheSetIsBuiltNotOnARequest() {
        ModelSetInvalidException e = refused(withLandlordCodes(row("demand-email", "DEMAND_EMAIL", "LETTER")));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("ACTION_WITHOUT_CATEGORY");
            assertThat(p.model()).isEqualTo("Vocabulary");
            assertThat(p.column()).isEqualTo("tLadderAction");
            assertThat(p.message()).contains("REVIEW_FAILED_LETTER", "landlord-actions.dmn");
        });
    }

    @Test
    void aServiceActionCannotBeRecategorisedNorACodeGivenACategoryTheLawDoesNotKnow() {
        ModelSetInvalidException e = refused(withLandlordCodes(BOTH_DECLARED + row("letter-one", "SEND_REMINDER_LETTER_1", "ADMIN")));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("SERVICE_ACTION_RECATEGORISED");
            assertThat(p.model()).isEqualTo("LandlordActions");
            assertThat(p.table()).isEqualTo("ActionCategory");
            assertThat(p.rowName()).isEqualTo("letter-one");
        });
        Map<String, byte[]> files = withLandlordCodes(BOTH_DECLARED);
        edit(files, VOCABULARY, xml -> xml.setAllowedValues("tActionCategory", xml.allowedValues("tActionCategory") + ",\"GENTLE_NUDGE\""));
        assertThat(refused(files).problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("UNKNOWN_CATEGORY");
            assertThat(p.column()).isEqualTo("tActionCategory");
        });
    }

    @Test
    void aLadderActionColumnTypedWithAnotherListIsRefused() {
        Map<String, byte[]> files = seed();
        String ownActions = ladderActions(files) + ",\"PHONE_TENANT\"";
        edit(files, LADDER, xml -> xml.setAttribute("EscalationActions-out-action", "typeRef", "tOwnActions")
                .setComponentType("tEscalationAction", "action", "tOwnActions")
                .insertTypes("<itemDefinition name=\"tOwnActions\"><typeRef>string</typeRef>"
                        + "<allowedValues><text>" + ownActions + "</text></allowedValues></itemDefinition>"));
        assertThat(refused(files).problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("UNKNOWN_ACTION");
            assertThat(p.table()).isEqualTo("EscalationActions");
            assertThat(p.column()).isEqualTo("action");
            assertThat(p.message()).contains("PHONE_TENANT");
        });
    }

    private static final java.util.function.Function<Decision, Decision.ProposedActionCheck> CHECK = Decision::proposedActionCheck;

    @Test
    void aStepTwoRowsOfTheLadderNameForOneCaseIsListedOnceAtItsFirstPriority() {
        Map<String, byte[]> files = seed();
        edit(files, LADDER, xml -> xml.change("EscalationActions-row-26-action", "\"CONTACT_TENANT\"", "\"SEND_REMINDER_LETTER_1\""));
        ModelSet policy = ModelSetCompiler.compile("twice", files);

        Decision decision = TestCases.decisions().decide(Scenarios.reader().validate(TestCases.secure().set("account.balance", 150).facts()), policy);

        assertThat(decision.recommendedActions()).extracting(Decision.RecommendedAction::code).containsExactly("SEND_REMINDER_LETTER_1");
        assertThat(decision.recommendedActions().get(0).priority()).isEqualTo(1);
    }

    @Test
    void aProposedLandlordCodeIsJudgedByItsCategoryAndAnsweredAsAsked() {
        ModelSet policy = ModelSetCompiler.compile("landlord", withLandlordCodes(BOTH_DECLARED));
        TestCases inBreathingSpace = TestCases.secure().set("account.balance", 150)
                .set("breathingSpace", Map.of("type", "STANDARD", "startDate", "2026-11-10"));
        Decision admin = TestCases.decisions().decide(Scenarios.reader().validate(inBreathingSpace
                .set("proposedAction", Map.of("type", "LANDLORD_ACTION", "code", "REVIEW_FAILED_LETTER")).facts()), policy);
        assertThat(CHECK.apply(admin)).satisfies(check -> {
            assertThat(check.type()).isEqualTo(ActionType.LANDLORD_ACTION);
            assertThat(check.code()).isEqualTo("REVIEW_FAILED_LETTER");
            assertThat(check.category()).isEqualTo(ActionCategory.ADMIN);
            assertThat(check.permitted()).isTrue();
            assertThat(check.recommendedByPolicy()).isTrue();
        });
        Decision letter = TestCases.decisions().decide(Scenarios.reader().validate(inBreathingSpace
                .set("proposedAction", Map.of("type", "LANDLORD_ACTION", "code", "DEMAND_EMAIL")).facts()), policy);
        assertThat(CHECK.apply(letter)).satisfies(check -> {
            assertThat(check.code()).isEqualTo("DEMAND_EMAIL");
            assertThat(check.category()).isEqualTo(ActionCategory.LETTER);
            assertThat(check.permitted()).isFalse();
            assertThat(check.blockedBy()).extracting(Decision.Block::guard).contains("BREATHING_SPACE");
        });
        Decision own = TestCases.decisions().decide(Scenarios.reader().validate(TestCases.secure().set("account.balance", 150)
                .set("proposedAction", Map.of("type", "SEND_REMINDER_LETTER_1")).facts()), policy);
        assertThat(CHECK.apply(own).code()).isEqualTo("SEND_REMINDER_LETTER_1");
        assertThat(CHECK.apply(own).category()).isEqualTo(ActionCategory.LETTER);
    }

    @Test
    void aRequestMayRecordALandlordsCodeTheDecidingPolicyDeclaresAndNoOther() {
        ModelSet policy = ModelSetCompiler.compile("landlord", withLandlordCodes(BOTH_DECLARED));
        Decision recorded = TestCases.decisions().decide(Scenarios.reader().validate(TestCases.secure().set("account.balance", 150)
                .action("LANDLORD_ACTION", 3, Map.of("code", "REVIEW_FAILED_LETTER", "outcome", "SUCCEEDED")).facts()), policy);
        assertThat(recorded.nextAction()).isNotNull();
        // The seed policy declares no such code: a 400 naming the field, not a decision.
        org.rentrecovery.contract.CaseFacts undeclared = Scenarios.reader().validate(TestCases.secure().set("account.balance", 150)
                .action("LANDLORD_ACTION", 3, Map.of("code", "REVIEW_FAILED_LETTER")).facts());
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(() -> TestCases.decisions().decide(undeclared),
                org.rentrecovery.contract.InvalidRequestException.class).errors()).singleElement().satisfies(e -> {
                    assertThat(e.field()).isEqualTo("recovery.actions[0].code");
                    assertThat(e.message()).contains("REVIEW_FAILED_LETTER", "declares");
                });
    }

    @Test
    void typeAndCodeThatContradictEachOtherAreRefused() {
        assertThat(fieldsRefused(TestCases.secure().action("LANDLORD_ACTION", 3)))
                .containsExactly("recovery.actions[0].code");
        assertThat(fieldsRefused(TestCases.secure().action("CONTACT_TENANT", 3, Map.of("code", "PHONE_CALL"))))
                .containsExactly("recovery.actions[0].code");
        assertThat(fieldsRefused(TestCases.secure().set("proposedAction", Map.of("type", "LANDLORD_ACTION", "code", "HOME_VISIT"))))
                .containsExactly("proposedAction.code");
        assertThat(fieldsRefused(TestCases.secure().action("CONTACT_TENANT", 3, Map.of("outcome", "MAYBE"))))
                .containsExactly("recovery.actions[0].outcome");
    }

    private static List<String> fieldsRefused(TestCases c) {
        try {
            Scenarios.reader().read(c.json().getBytes(StandardCharsets.UTF_8));
        } catch (org.rentrecovery.contract.InvalidRequestException e) {
            return e.errors().stream().map(org.rentrecovery.contract.Problem.FieldError::field).toList();
        }
        throw new AssertionError("the request was accepted");
    }

    private static String ladderActions(Map<String, byte[]> files) {
        return DmnXml.of(files.get(VOCABULARY)).allowedValues("tLadderAction");
    }

    private static ModelSetInvalidException refused(Map<String, byte[]> files) {
        try {
            ModelSetCompiler.compile("test", files);
        } catch (ModelSetInvalidException e) {
            return e;
        }
        throw new AssertionError("the set was accepted");
    }
}
