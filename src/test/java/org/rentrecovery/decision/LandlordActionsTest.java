package org.rentrecovery.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.rentrecovery.contract.ActionCategory;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.engine.ModelSet;
import org.rentrecovery.engine.ModelSetCompiler;
import org.rentrecovery.engine.ModelSetInvalidException;
import org.rentrecovery.engine.PolicyModels;
import org.rentrecovery.support.DmnXml;
import org.rentrecovery.support.Scenarios;
import org.rentrecovery.support.TestCases;

/**
 * Issue 15, item 3: a landlord declares its own action codes in the policy set, each with a
 * category the law knows; the guards judge each code by its category, and an undeclared code fails
 * when the set is built or uploaded, never on a request.
 */
class LandlordActionsTest {
    private static final String VOCABULARY = "vocabulary.dmn";
    private static final String LADDER = "escalation/escalation-ladder.dmn";
    private static final String CATALOGUE = "landlord-actions.dmn";

    private static Map<String, byte[]> seed() {
        return new TreeMap<>(PolicyModels.seedFiles(LandlordActionsTest.class.getClassLoader()));
    }

    /** One of the files edited as XML (an edit naming what the file lacks fails the test). */
    private static void edit(Map<String, byte[]> files, String path, UnaryOperator<DmnXml> change) {
        files.put(path, change.apply(DmnXml.of(files.get(path))).bytes());
    }

    /** Adds {@code value} to a type's list of allowed values, before {@code before} (which must be there). */
    private static DmnXml allowing(DmnXml xml, String type, String value, String before) {
        String values = xml.allowedValues(type);
        assertThat(values).as("%s lists %s", type, before).contains(before);
        return xml.setAllowedValues(type, values.replace(before, value + "," + before));
    }

    private static String row(String name, String code, String category) {
        return "<rule id=\"ActionCategory-" + name + "\"><inputEntry id=\"ActionCategory-" + name + "-in\"><text>\"" + code
                + "\"</text></inputEntry><outputEntry id=\"ActionCategory-" + name + "-out\"><text>\"" + category
                + "\"</text></outputEntry><annotationEntry><text>" + name + "</text></annotationEntry></rule>\n";
    }

    /** Letter 1 becomes the landlord's demand email; its contact step becomes an admin review of failed letters. */
    private static Map<String, byte[]> withLandlordCodes(String catalogueRows) {
        Map<String, byte[]> files = seed();
        edit(files, VOCABULARY, xml -> allowing(xml, "tLadderAction", "\"DEMAND_EMAIL\",\"REVIEW_FAILED_LETTER\"", "\"NO_ACTION\""));
        edit(files, CATALOGUE, xml -> xml.append("table-ActionCategory", catalogueRows));
        edit(files, LADDER, xml -> xml.change("EscalationActions-row-25-action", "\"SEND_REMINDER_LETTER_1\"", "\"DEMAND_EMAIL\"")
                .change("EscalationActions-row-26-action", "\"CONTACT_TENANT\"", "\"REVIEW_FAILED_LETTER\""));
        return files;
    }

    private static final String BOTH_DECLARED = row("demand-email", "DEMAND_EMAIL", "LETTER")
            + row("review-failed-letter", "REVIEW_FAILED_LETTER", "ADMIN");

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
