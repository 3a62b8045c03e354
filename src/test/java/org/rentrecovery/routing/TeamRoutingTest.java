package org.rentrecovery.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.validation.DMNValidator;
import org.kie.dmn.validation.DMNValidatorFactory;
import org.rentrecovery.analysis.RoutingTrigger;
import org.rentrecovery.contract.Reason;
import org.rentrecovery.decision.Decision;
import org.rentrecovery.support.DmnXml;
import org.rentrecovery.support.TestCases;

/**
 * The routing table (decision-tables/routing/team-routing.dmn) through the real decision service:
 * one test per complex-case trigger, per team and per conflict the table's precedence resolves.
 * Cases are on 2026-11-23; the base is a weekly secure tenancy at £100 a week.
 */
class TeamRoutingTest {

    private static Decision decide(TestCases c) {
        return TestCases.decisions().decide(c.facts());
    }

    private static Decision.Routing route(TestCases c) {
        return decide(c).routing();
    }

    /** Letter 1 rung: £150 owed (1.5 weeks), nothing sent yet. */
    private static TestCases earlyArrears() {
        return TestCases.secure().set("account.balance", 150);
    }

    /** Serve-notice rung: 5 weeks owed, both letters sent, contact made. */
    private static TestCases noticeDue() {
        return TestCases.secure().set("account.balance", 500)
                .action("SEND_REMINDER_LETTER_1", 30).action("SEND_REMINDER_LETTER_2", 10).action("CONTACT_TENANT", 9);
    }

    /** Issue-claim rung: a NoSP in force, every protocol step recorded, court warning 30 days ago. */
    private static TestCases claimDue() {
        return TestCases.secure().set("account.balance", 1000)
                .set("recovery.notice.type", "NOSP").set("recovery.notice.servedOn", "2026-08-03")
                .set("recovery.notice.dateSpecified", "2026-09-07")
                .action("SEND_REMINDER_LETTER_1", 150).action("SEND_REMINDER_LETTER_2", 130).action("CONTACT_TENANT", 128)
                .action("OFFER_REPAYMENT_ARRANGEMENT", 128).action("OFFER_HELP_WITH_BENEFIT_CLAIM", 128)
                .action("SEND_COURT_WARNING_LETTER", 30);
    }

    private static TestCases flags(TestCases c, String... flags) {
        return c.set("vulnerability.flags", List.of(flags));
    }

    // ------------------------------------------------------------------ the model itself

    @Test
    void theRoutingModelPassesSchemaModelAndDecisionTableAnalysis() {
        DMNValidator validator = DMNValidatorFactory.newValidator();
        List<DMNMessage> messages = validator.validateUsing(DMNValidator.Validation.VALIDATE_SCHEMA,
                DMNValidator.Validation.VALIDATE_MODEL, DMNValidator.Validation.ANALYZE_DECISION_TABLE)
                .theseModels(reader("decision-tables/vocabulary.dmn"), reader(TeamRouting.MODEL_LOCATION));
        assertThat(messages).filteredOn(m -> m.getLevel() == org.kie.api.builder.Message.Level.ERROR).isEmpty();
        assertThat(messages).extracting(DMNMessage::getMessageType).map(Object::toString)
                .doesNotContain("DECISION_TABLE_GAP", "DECISION_TABLE_OVERLAP");
    }

    @Test
    void everyEscalationStepTheLadderCanAnswerIsInTheVocabularyTheRoutingModelReads() throws java.io.IOException {
        DmnXml ladder = DmnXml.of(resource(org.rentrecovery.escalation.EscalationPolicy.MODEL_LOCATION));
        java.util.Set<String> ladderSteps = new java.util.TreeSet<>();
        ladder.elements("outputEntry").stream().filter(cell -> cell.getAttribute("id").matches("EscalationStep-row-\\d+-step"))
                .forEach(cell -> ladderSteps.addAll(matches(ladder.text(cell.getAttribute("id")), "\"([A-Z_0-9]+)\"")));
        assertThat(DmnXml.of(resource(TeamRouting.MODEL_LOCATION)).elements("inputExpression"))
                .anyMatch(column -> column.getAttribute("typeRef").equals("vocabulary.tEscalationStep"));
        assertThat(ladderSteps).isNotEmpty();
        java.util.Set<String> routingSteps = matches(DmnXml.of(resource("decision-tables/vocabulary.dmn")).allowedValues("tEscalationStep"),
                "\"([A-Z_0-9]+)\"");
        assertThat(routingSteps).containsExactlyInAnyOrderElementsOf(ladderSteps);
    }

    /** The model as the service reads it: a file the KIE editor saved as DMN 1.6 is read in 1.5's namespaces. */
    private static java.io.Reader reader(String location) {
        try {
            return new java.io.StringReader(org.rentrecovery.engine.DmnNamespaces.asDmn15(resource(location)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String resource(String location) throws java.io.IOException {
        try (var in = TeamRoutingTest.class.getClassLoader().getResourceAsStream(location)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static java.util.Set<String> matches(String text, String regex) {
        java.util.Set<String> found = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    // ------------------------------------------------------------------ each complex-case trigger

    @ParameterizedTest(name = "flag {0} -> Complex Case Team, decided by {1} (ComplexCaseTrigger/{2})")
    @CsvSource({
            "UNDER_18, UNDER_18, under-18",
            "SAFEGUARDING_CHILD, SAFEGUARDING, safeguarding",
            "SAFEGUARDING_ADULT, SAFEGUARDING, safeguarding",
            "DOMESTIC_ABUSE, DOMESTIC_ABUSE, domestic-abuse",
            "TERMINAL_ILLNESS, TERMINAL_ILLNESS, terminal-illness",
            "HOSPITAL_OR_CARE, HOSPITAL_OR_CARE_HOME, hospital-or-care-home",
            "MENTAL_HEALTH, MENTAL_HEALTH, mental-health",
            "MENTAL_HEALTH_CRISIS, MENTAL_HEALTH, mental-health",
            "PHYSICAL_DISABILITY, DISABILITY, disability",
            "LEARNING_DISABILITY, DISABILITY, disability",
            "COMMUNITY_CARE_ASSESSMENT_PENDING, COMMUNITY_CARE_ASSESSMENT_PENDING, community-care-assessment-pending",
            "LANGUAGE_OR_COMMUNICATION, LANGUAGE_OR_COMMUNICATION_NEED, language-or-communication-need"})
    void eachVulnerabilityFlagTriggerSendsTheCaseToTheComplexCaseTeam(String flag, RoutingTrigger trigger, String row) {
        Decision d = decide(flags(earlyArrears(), flag));
        Decision.Routing r = d.routing();
        assertThat(r.team()).isEqualTo(Team.COMPLEX_CASE);
        assertThat(r.decidedBy()).isEqualTo(trigger);
        assertThat(r.triggers()).containsExactly(trigger);
        assertThat(r.escalationPaused()).isTrue();
        assertThat(r.rule()).isEqualTo("RoutingTeam/complex-case");
        assertThat(r.triggerRule()).isEqualTo("ComplexCaseTrigger/" + row);
        assertThat(r.instruction()).startsWith("Refer to the Complex Case Team.").contains("Support continues");
        assertThat(d.reasons()).extracting(Reason::rule).contains("ComplexCaseTrigger/" + row, "RoutingTeam/complex-case");
    }

    @Test
    void aCapacityConcernIsATrigger() {
        Decision.Routing r = route(earlyArrears().set("vulnerability.capacityConcern", true));
        assertThat(r.team()).isEqualTo(Team.COMPLEX_CASE);
        assertThat(r.decidedBy()).isEqualTo(RoutingTrigger.CAPACITY_CONCERN);
        assertThat(r.triggerRule()).isEqualTo("ComplexCaseTrigger/capacity-concern");
        assertThat(r.reference()).contains("Mental Capacity Act 2005");
    }

    @ParameterizedTest(name = "a tenant aged {0}: under-18 trigger = {1}")
    @CsvSource({"17, true", "18, false", "19, false"})
    void aTenantUnderEighteenIsATriggerFromTheAgeAlone(int age, boolean trigger) {
        Decision.Routing r = route(earlyArrears().set("tenancy.tenants", List.of(Map.of("id", "T1", "ageYears", age))));
        assertThat(r.team()).isEqualTo(trigger ? Team.COMPLEX_CASE : Team.STAGE_1);
        assertThat(r.triggers().contains(RoutingTrigger.UNDER_18)).isEqualTo(trigger);
    }

    @Test
    void aMentalHealthCrisisBreathingSpaceIsATrigger() {
        Decision.Routing r = route(earlyArrears()
                .set("breathingSpace", Map.of("type", "MENTAL_HEALTH_CRISIS", "startDate", "2026-11-10")));
        assertThat(r.team()).isEqualTo(Team.COMPLEX_CASE);
        assertThat(r.decidedBy()).isEqualTo(RoutingTrigger.MENTAL_HEALTH_CRISIS_BREATHING_SPACE);
        assertThat(r.triggerRule()).isEqualTo("ComplexCaseTrigger/mental-health-crisis-breathing-space");
        assertThat(r.escalationPaused()).isTrue();
    }

    @Test
    void aMentalHealthCrisisBreathingSpaceThatHasEndedIsNotATrigger() {
        Decision.Routing r = route(earlyArrears().set("breathingSpace",
                Map.of("type", "MENTAL_HEALTH_CRISIS", "startDate", "2026-09-01", "endDate", "2026-11-22")));
        assertThat(r.team()).isEqualTo(Team.STAGE_1);
        assertThat(r.escalationPaused()).isFalse();
    }

    @Test
    void aDeceasedSoleTenantIsATrigger() {
        Decision.Routing r = route(earlyArrears().set("tenancy.tenants",
                List.of(Map.of("id", "T1", "ageYears", 80, "deceased", true, "dateOfDeath", "2026-11-01"))));
        assertThat(r.team()).isEqualTo(Team.COMPLEX_CASE);
        assertThat(r.decidedBy()).isEqualTo(RoutingTrigger.DECEASED_SOLE_TENANT);
        assertThat(r.triggerRule()).isEqualTo("ComplexCaseTrigger/deceased-sole-tenant");
        assertThat(r.instruction()).contains("personal representatives");
    }

    @Test
    void aJointTenancyWithASurvivingTenantIsNotADeceasedSoleTenant() {
        Decision.Routing r = route(earlyArrears().set("tenancy.tenants", List.of(
                Map.of("id", "T1", "ageYears", 80, "deceased", true, "dateOfDeath", "2026-11-01"),
                Map.of("id", "T2", "ageYears", 78))));
        assertThat(r.team()).isEqualTo(Team.STAGE_1);
        assertThat(r.triggers()).doesNotContain(RoutingTrigger.DECEASED_SOLE_TENANT);
    }

    @ParameterizedTest(name = "flag {0} is not a routing trigger")
    @ValueSource(strings = {"BEREAVEMENT", "SUBSTANCE_MISUSE", "CARE_LEAVER"})
    void flagsOutsideBrief33DoNotMoveTheCase(String flag) {
        Decision.Routing r = route(flags(earlyArrears(), flag));
        assertThat(r.team()).isEqualTo(Team.STAGE_1);
        assertThat(r.decidedBy()).isEqualTo(RoutingTrigger.EARLY_ARREARS);
    }

    @Test
    void theMostUrgentTriggerDecidesAndEveryTriggerIsReported() {
        Decision.Routing r = route(flags(earlyArrears(), "LANGUAGE_OR_COMMUNICATION", "MENTAL_HEALTH", "DOMESTIC_ABUSE")
                .set("breathingSpace", Map.of("type", "MENTAL_HEALTH_CRISIS", "startDate", "2026-11-10")));
        assertThat(r.decidedBy()).isEqualTo(RoutingTrigger.MENTAL_HEALTH_CRISIS_BREATHING_SPACE);
        assertThat(r.triggers()).containsExactly(RoutingTrigger.MENTAL_HEALTH_CRISIS_BREATHING_SPACE,
                RoutingTrigger.DOMESTIC_ABUSE, RoutingTrigger.MENTAL_HEALTH, RoutingTrigger.LANGUAGE_OR_COMMUNICATION_NEED);
    }

    // ------------------------------------------------------------------ each team

    @Test
    void earlyArrearsAreWithStageOne() {
        Decision d = decide(earlyArrears());
        assertThat(d.escalation().step()).isEqualTo("LETTER_1");
        assertThat(d.routing().team()).isEqualTo(Team.STAGE_1);
        assertThat(d.routing().decidedBy()).isEqualTo(RoutingTrigger.EARLY_ARREARS);
        assertThat(d.routing().escalationPaused()).isFalse();
        assertThat(d.routing().rule()).isEqualTo("RoutingTeam/early-arrears");
    }

    @Test
    void theNoticeRungIsWithStageTwo() {
        Decision d = decide(noticeDue());
        assertThat(d.escalation().step()).isEqualTo("SERVE_NOTICE");
        assertThat(d.routing().team()).isEqualTo(Team.STAGE_2);
        assertThat(d.routing().decidedBy()).isEqualTo(RoutingTrigger.NOTICE_STAGE);
        assertThat(d.routing().rule()).isEqualTo("RoutingTeam/notice-stage");
    }

    @Test
    void legalWorkIsWithTheCourtOfficer() {
        Decision d = decide(claimDue());
        assertThat(d.escalation().step()).isEqualTo("ISSUE_CLAIM");
        assertThat(d.routing().team()).isEqualTo(Team.COURT_OFFICER);
        assertThat(d.routing().decidedBy()).isEqualTo(RoutingTrigger.LEGAL_ACTION);
        assertThat(d.routing().rule()).isEqualTo("RoutingTeam/legal-action");
    }

    @Test
    void aFormerTenancyIsWithTheFormerTenantArrearsTeam() {
        Decision d = decide(earlyArrears().set("tenancy.endDate", "2026-10-01"));
        assertThat(d.routing().team()).isEqualTo(Team.FORMER_TENANT_ARREARS);
        assertThat(d.routing().decidedBy()).isEqualTo(RoutingTrigger.FORMER_TENANCY);
        assertThat(d.routing().escalationPaused()).isFalse();
        assertThat(d.routing().rule()).isEqualTo("RoutingTeam/former-tenancy");
    }

    @ParameterizedTest(name = "{0} on its own route")
    @ValueSource(strings = {"LICENCE_BASIC_PROTECTION", "LICENCE_INTERIM_S188"})
    void aTemporaryAccommodationLicenceIsWithTheTaIncomeTeam(String type) {
        Decision.Routing r = route(claimDue().set("tenancy.type", type).set("recovery.notice.type", "NOTICE_TO_QUIT"));
        assertThat(r.team()).isEqualTo(Team.TEMPORARY_ACCOMMODATION);
        assertThat(r.decidedBy()).isEqualTo(RoutingTrigger.TEMPORARY_ACCOMMODATION_LICENCE);
        assertThat(r.rule()).isEqualTo("RoutingTeam/ta-licence");
    }

    // ------------------------------------------------------------------ conflicts, resolved by precedence

    @Test
    void aFormerTenantWithAMentalHealthFlagGoesToFormerTenantArrearsWithRecoveryPaused() {
        Decision d = decide(flags(earlyArrears().set("tenancy.endDate", "2026-10-01"), "MENTAL_HEALTH")
                .set("proposedAction", Map.of("type", "MONEY_CLAIM")));
        assertThat(d.routing().team()).isEqualTo(Team.FORMER_TENANT_ARREARS);
        assertThat(d.routing().decidedBy()).isEqualTo(RoutingTrigger.FORMER_TENANCY);
        assertThat(d.routing().triggers()).containsExactly(RoutingTrigger.FORMER_TENANCY, RoutingTrigger.MENTAL_HEALTH);
        assertThat(d.routing().escalationPaused()).isTrue();
        assertThat(d.routing().rule()).isEqualTo("RoutingTeam/former-tenancy-complex-case");
        assertThat(d.routing().instruction()).contains("Former Tenant Arrears team", "mental health", "No money claim");
        assertThat(d.proposedActionCheck().permitted()).isFalse();
        assertThat(d.proposedActionCheck().blockedBy()).extracting(Decision.Block::guard).containsExactly("COMPLEX_CASE_NOT_ASSESSED");
    }

    @Test
    void aFormerTenantWithACompletedAssessmentMayBeSuedForTheDebt() {
        Decision d = decide(flags(earlyArrears().set("tenancy.endDate", "2026-10-01"), "MENTAL_HEALTH")
                .set("vulnerability.assessment", "COMPLETED").set("proposedAction", Map.of("type", "MONEY_CLAIM")));
        assertThat(d.routing().team()).isEqualTo(Team.FORMER_TENANT_ARREARS);
        assertThat(d.routing().escalationPaused()).isFalse();
        assertThat(d.proposedActionCheck().permitted()).isTrue();
    }

    @Test
    void aDeceasedSoleTenantWhoseTenancyHasEndedIsAnEstateDebtForFormerTenantArrears() {
        Decision.Routing r = route(earlyArrears().set("tenancy.endDate", "2026-11-15").set("tenancy.tenants",
                List.of(Map.of("id", "T1", "ageYears", 80, "deceased", true, "dateOfDeath", "2026-11-01"))));
        assertThat(r.team()).isEqualTo(Team.FORMER_TENANT_ARREARS);
        assertThat(r.triggers()).containsExactly(RoutingTrigger.FORMER_TENANCY, RoutingTrigger.DECEASED_SOLE_TENANT);
        assertThat(r.escalationPaused()).isTrue();
    }

    @Test
    void aCourtOfficerCaseThatEntersAStandardBreathingSpaceStaysWithTheCourtOfficerPaused() {
        Decision d = decide(claimDue().set("breathingSpace", Map.of("type", "STANDARD", "startDate", "2026-11-20")));
        assertThat(d.routing().team()).isEqualTo(Team.COURT_OFFICER);
        assertThat(d.routing().decidedBy()).isEqualTo(RoutingTrigger.BREATHING_SPACE);
        assertThat(d.routing().escalationPaused()).isTrue();
        assertThat(d.routing().rule()).isEqualTo("RoutingTeam/court-breathing-space");
        assertThat(d.recommendedActions()).extracting(Decision.RecommendedAction::type)
                .doesNotContain(org.rentrecovery.contract.ActionType.ISSUE_POSSESSION_CLAIM);
    }

    @Test
    void aCourtOfficerCaseThatEntersAMentalHealthCrisisBreathingSpaceMovesToTheComplexCaseTeam() {
        Decision.Routing r = route(claimDue()
                .set("breathingSpace", Map.of("type", "MENTAL_HEALTH_CRISIS", "startDate", "2026-11-20")));
        assertThat(r.team()).isEqualTo(Team.COMPLEX_CASE);
        assertThat(r.decidedBy()).isEqualTo(RoutingTrigger.MENTAL_HEALTH_CRISIS_BREATHING_SPACE);
        assertThat(r.escalationPaused()).isTrue();
    }

    @Test
    void aTaLicenceHolderWhoBecomesASecureTenantIsRoutedByTheSecureTenancy() {
        Decision.Routing licence = route(earlyArrears().set("tenancy.type", "LICENCE_BASIC_PROTECTION"));
        Decision.Routing secure = route(earlyArrears().set("tenancy.type", "SECURE").set("tenancy.startDate", "2026-11-02"));
        assertThat(licence.team()).isEqualTo(Team.TEMPORARY_ACCOMMODATION);
        assertThat(secure.team()).isEqualTo(Team.STAGE_1);
        assertThat(secure.triggers()).doesNotContain(RoutingTrigger.TEMPORARY_ACCOMMODATION_LICENCE);
    }

    @Test
    void arrearsLeftOnAnEndedTaLicenceAreFormerTenantArrears() {
        Decision.Routing r = route(earlyArrears().set("tenancy.type", "LICENCE_INTERIM_S188").set("tenancy.endDate", "2026-11-01"));
        assertThat(r.team()).isEqualTo(Team.FORMER_TENANT_ARREARS);
        assertThat(r.triggers()).containsExactly(RoutingTrigger.FORMER_TENANCY);
    }

    @Test
    void aComplexTriggerOutranksTheTaRoute() {
        Decision.Routing r = route(flags(earlyArrears().set("tenancy.type", "LICENCE_BASIC_PROTECTION"), "DOMESTIC_ABUSE"));
        assertThat(r.team()).isEqualTo(Team.COMPLEX_CASE);
        assertThat(r.triggers()).containsExactly(RoutingTrigger.DOMESTIC_ABUSE, RoutingTrigger.TEMPORARY_ACCOMMODATION_LICENCE);
    }

    @Test
    void aComplexTriggerOutranksLegalWork() {
        Decision.Routing r = route(flags(claimDue(), "PHYSICAL_DISABILITY"));
        assertThat(r.team()).isEqualTo(Team.COMPLEX_CASE);
        assertThat(r.decidedBy()).isEqualTo(RoutingTrigger.DISABILITY);
    }

    @ParameterizedTest(name = "assessment {0}: paused = {1}, row {2}")
    @CsvSource({"NONE, true, RoutingTeam/complex-case", "OPEN, true, RoutingTeam/complex-case", "COMPLETED, false, RoutingTeam/assessed-complex-case"})
    void aComplexCaseStaysWithTheComplexCaseTeamAndResumesOnceAssessed(String assessment, boolean paused, String row) {
        Decision.Routing r = route(flags(claimDue(), "MENTAL_HEALTH").set("vulnerability.assessment", assessment));
        assertThat(r.team()).isEqualTo(Team.COMPLEX_CASE);
        assertThat(r.escalationPaused()).isEqualTo(paused);
        assertThat(r.rule()).isEqualTo(row);
    }

    @Test
    void anAssessedComplexCaseInAMentalHealthCrisisBreathingSpaceStaysPaused() {
        Decision.Routing r = route(earlyArrears().set("vulnerability.assessment", "COMPLETED")
                .set("breathingSpace", Map.of("type", "MENTAL_HEALTH_CRISIS", "startDate", "2026-11-10")));
        assertThat(r.rule()).isEqualTo("RoutingTeam/assessed-complex-case");
        assertThat(r.escalationPaused()).isTrue();
    }

    @ParameterizedTest(name = "{0} in a standard Breathing Space stays with {1}, paused ({2})")
    @CsvSource({"early, STAGE_1, RoutingTeam/early-arrears-breathing-space", "notice, STAGE_2, RoutingTeam/notice-stage-breathing-space", "licence, TEMPORARY_ACCOMMODATION, RoutingTeam/ta-licence-breathing-space"})
    void aStandardBreathingSpacePausesEscalationWithoutMovingTheCase(String which, Team team, String row) {
        TestCases c = switch (which) {
            case "early" -> earlyArrears();
            case "notice" -> noticeDue();
            default -> earlyArrears().set("tenancy.type", "LICENCE_BASIC_PROTECTION");
        };
        Decision.Routing r = route(c.set("breathingSpace", Map.of("type", "STANDARD", "startDate", "2026-11-20")));
        assertThat(r.team()).isEqualTo(team);
        assertThat(r.decidedBy()).isEqualTo(RoutingTrigger.BREATHING_SPACE);
        assertThat(r.escalationPaused()).isTrue();
        assertThat(r.rule()).isEqualTo(row);
    }
}
