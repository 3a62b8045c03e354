package org.rentrecovery.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.contract.ActionCategory;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.InvalidRequestException;
import org.rentrecovery.contract.Problem;
import org.rentrecovery.engine.InputTable;
import org.rentrecovery.support.Scenarios;
import org.rentrecovery.support.TestCases;

/**
 * The facts the ladder's tables can use (issue 15): each derived from the request as documented in
 * docs/ladder-inputs.md, which is generated from {@link LadderInputs} (rewrite it with
 * {@code -Ddocs.write=true}).
 */
class LadderInputsTest {
    private static final Path DOC = Path.of("docs/ladder-inputs.md");

    private static LadderInputs inputs(TestCases c) {
        return inputs(c, Map.of());
    }

    private static LadderInputs inputs(TestCases c, Map<String, ActionCategory> landlordCodes) {
        CaseAnalysis analysis = new CaseAnalysis(Scenarios.reader().validate(c.facts()));
        return LadderInputs.of(analysis, analysis.positionOn(analysis.asOf()), landlordCodes);
    }

    /** A case on 2026-11-23 (a Monday) with a claim whose hearing is on the given date. */
    private static TestCases withHearing(String hearing) {
        return TestCases.secure().set("account.balance", 900)
                .set("recovery.claim", Map.of("issuedOn", "2026-09-01", "hearingDate", hearing));
    }

    @Test
    void theTableOfInputsInTheDocsIsGeneratedFromTheRecord() throws IOException {
        String generated = "# Inputs the escalation ladder's tables can use\n\n"
                + "Generated from `escalation/LadderInputs.java` by LadderInputsTest (`-Ddocs.write=true` rewrites it).\n"
                + "A ladder model declares an input data node, with this name and type, for each fact its tables use;\n"
                + "it need not declare the others. Day counts are whole days from the decision date (`asOf`).\n"
                + "See docs/policy-authoring.md for how to write the cells.\n\n"
                + InputTable.markdown(EscalationPolicy.LADDER);
        if (Boolean.getBoolean("docs.write")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/ladder-inputs.md is out of date: run LadderInputsTest with -Ddocs.write=true").isEqualTo(generated);
        assertThat(InputTable.rows(EscalationPolicy.LADDER)).allSatisfy(row -> {
            assertThat(row.meaning()).as(row.name()).isNotBlank();
            assertThat(row.example()).as(row.name()).isNotBlank();
        });
    }

    @Test
    void everyRecordedActionTypeHasItsDaysSince() {
        Set<String> inputs = org.rentrecovery.engine.InputComponents.of(LadderInputs.class).stream().map(c -> c.getName()).collect(Collectors.toSet());
        List<String> missing = Arrays.stream(ActionType.values()).filter(t -> t != ActionType.NO_ACTION && t != ActionType.LANDLORD_ACTION)
                .filter(t -> !Set.of(ActionType.SEND_REMINDER_LETTER_1, ActionType.SEND_REMINDER_LETTER_2,
                        ActionType.SEND_COURT_WARNING_LETTER).contains(t))
                .map(t -> "daysSince" + Arrays.stream(t.name().split("_")).map(w -> w.charAt(0) + w.substring(1).toLowerCase())
                        .collect(Collectors.joining()))
                .filter(name -> !inputs.contains(name)).toList();
        assertThat(missing).isEmpty();
        LadderInputs in = inputs(TestCases.secure().set("account.balance", 300).action("SEND_BREACH_LETTER", 5)
                .action("HOME_VISIT", 12).action("SEND_SMS_REMINDER", 2));
        assertThat(in.days().daysSinceSendBreachLetter()).isEqualTo(5L);
        assertThat(in.days().daysSinceHomeVisit()).isEqualTo(12L);
        assertThat(in.events().daysSinceLastAction()).isEqualTo(2L);
        assertThat(in.days().daysSinceApplyForWarrant()).isNull();
    }

    @Test
    void aPastHearingNeverLooksLikeAFutureOne() {
        LadderInputs future = inputs(withHearing("2026-12-03"));
        assertThat(future.events().daysToHearing()).isEqualTo(10L);
        assertThat(future.events().daysSinceHearing()).isNull();
        LadderInputs past = inputs(withHearing("2026-11-13"));
        assertThat(past.events().daysToHearing()).isNull();
        assertThat(past.events().daysSinceHearing()).isEqualTo(10L);
        LadderInputs today = inputs(withHearing("2026-11-23"));
        assertThat(today.events().daysToHearing()).isZero();
        assertThat(today.events().daysSinceHearing()).isZero();
        assertThat(past.events().hearingDate()).isEqualTo(LocalDate.parse("2026-11-13"));
        assertThat(past.events().daysSinceClaimIssued()).isEqualTo(83L);
    }

    @Test
    void paymentsCountInTheRentPeriodTheyFallIn() {
        // Weekly rent from Monday: asOf 2026-11-23 is a Monday, so the period is that one day.
        TestCases weekly = TestCases.secure().set("account.balance", 400).set("account.payments", List.of(
                Map.of("date", "2026-11-23", "amount", 30), Map.of("date", "2026-11-20", "amount", 20),
                Map.of("date", "2026-11-10", "amount", 99)));
        LadderInputs in = inputs(weekly);
        assertThat(in.events().currentPeriodStart()).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(in.events().paidThisPeriod()).isEqualByComparingTo("30");
        assertThat(in.events().paidLast7Days()).isEqualByComparingTo("50");
        assertThat(in.events().daysSinceLastPayment()).isZero();
        LadderInputs thursdays = inputs(weekly.set("tenancy.periodStartDay", "THURSDAY"));
        assertThat(thursdays.events().currentPeriodStart()).isEqualTo(LocalDate.parse("2026-11-19"));
        assertThat(thursdays.events().paidThisPeriod()).isEqualByComparingTo("50");
        LadderInputs monthly = inputs(weekly.set("tenancy.rentFrequency", "MONTHLY").set("tenancy.rentPerPeriod", 433.33));
        assertThat(monthly.events().currentPeriodStart()).isEqualTo(LocalDate.parse("2026-11-06"));
        assertThat(monthly.events().paidThisPeriod()).isEqualByComparingTo("149");
        assertThat(monthly.weeklyRent().setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("100.00");
        assertThat(monthly.monthsInArrears()).isGreaterThan(BigDecimal.ZERO);
        assertThat(inputs(TestCases.secure()).events().paidThisPeriod()).isEqualByComparingTo("0");
    }

    @Test
    void theOrderItsAgreementAndAWarrantAreSeenTogether() {
        TestCases ordered = TestCases.secure().set("account.balance", 900)
                .set("recovery.claim", Map.of("issuedOn", "2026-08-01"))
                .set("recovery.courtOrder", Map.of("type", "SUSPENDED", "madeOn", "2026-10-01", "termsBreached", true))
                .set("arrangement", Map.of("status", "BROKEN", "startDate", "2026-10-15", "kind", "FORMAL", "state", "BREACHED",
                        "amountPerPeriod", 7.50))
                .set("recovery.evictionDate", "2026-12-01")
                .action("APPLY_FOR_WARRANT", 10);
        LadderInputs in = inputs(ordered);
        assertThat(in.events().daysSinceOrder()).isEqualTo(53L);
        assertThat(in.events().agreementStartAfterOrderDays()).isEqualTo(14L);
        assertThat(in.events().agreementKind()).isEqualTo("FORMAL");
        assertThat(in.events().agreementState()).isEqualTo("BREACHED");
        assertThat(in.events().warrantApplied()).isTrue();
        assertThat(in.events().daysToEviction()).isEqualTo(8L);
        assertThat(in.decisionDate()).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(inputs(TestCases.secure()).events().agreementState()).isEqualTo("NONE");
        assertThat(in.events().arrangementAmountPerPeriod()).isEqualByComparingTo("7.50");
        assertThat(inputs(TestCases.secure()).events().arrangementAmountPerPeriod()).isNull();
    }

    /** A ladder may hold for any claim made, not only one meeting the protocol's conditions (Uttlesford's timescales). */
    @Test
    void aBenefitClaimMadeIsSeenWhetherOrNotItMeetsTheProtocolConditions() {
        TestCases claimed = TestCases.secure().set("account.balance", 300)
                .set("benefits", Map.of("housingCostSupport", "NONE", "claimPending", Map.of("since", "2026-11-09")));
        LadderInputs in = inputs(claimed);
        assertThat(in.events().daysSinceBenefitClaim()).isEqualTo(14L);
        assertThat(in.benefitClaimPending()).isFalse();
        assertThat(inputs(TestCases.secure().set("account.balance", 300)).events().daysSinceBenefitClaim()).isNull();
    }

    @Test
    void aPauseHoldsUntilItsLastDayAndNotAfter() {
        TestCases paused = TestCases.secure().set("account.balance", 300)
                .set("pause", Map.of("until", "2026-11-25", "reason", "AWAITING_HB_DECISION", "setBy", "officer-7", "setOn", "2026-11-20"));
        LadderInputs in = inputs(paused);
        assertThat(in.events().pauseActive()).isTrue();
        assertThat(in.events().daysToPauseEnd()).isEqualTo(2L);
        assertThat(in.events().pauseReason()).isEqualTo("AWAITING_HB_DECISION");
        LadderInputs over = inputs(paused.set("pause", Map.of("until", "2026-11-22")));
        assertThat(over.events().pauseActive()).isFalse();
        assertThat(over.events().daysToPauseEnd()).isNull();
        assertThat(over.events().pauseUntil()).isEqualTo(LocalDate.parse("2026-11-22"));
    }

    @Test
    void aPauseIsPolicyNotLawTheGuardsStillHoldAndNothingIsReleased() {
        TestCases breathingSpace = TestCases.assured().set("account.balance", 1500)
                .set("breathingSpace", Map.of("type", "STANDARD", "startDate", "2026-11-10"))
                .action("SEND_REMINDER_LETTER_1", 40).action("SEND_REMINDER_LETTER_2", 20)
                .set("proposedAction", Map.of("type", "SERVE_SECTION_8_NOTICE"));
        var unpaused = TestCases.decisions().decide(Scenarios.reader().validate(breathingSpace.facts()));
        var paused = TestCases.decisions().decide(Scenarios.reader().validate(breathingSpace
                .set("pause", Map.of("until", "2026-12-31", "reason", "OFFICER_REVIEW")).facts()));
        assertThat(paused.proposedActionCheck().permitted()).isFalse();
        assertThat(paused.proposedActionCheck().blockedBy()).extracting(b -> b.guard())
                .isEqualTo(unpaused.proposedActionCheck().blockedBy().stream().map(b -> b.guard()).toList())
                .contains("BREATHING_SPACE");
        // The default ladder does not use the pause: the same step and the same recommendations.
        assertThat(paused.escalation()).isEqualTo(unpaused.escalation());
        assertThat(paused.recommendedActions()).isEqualTo(unpaused.recommendedActions());
    }

    @Test
    void contradictionsInTheNewFieldsAreRefusedNamingTheField() {
        assertThat(refused(TestCases.secure().set("pause", Map.of("until", "2026-11-01", "setOn", "2026-11-10"))))
                .containsKey("pause.until");
        assertThat(refused(TestCases.secure().set("recovery.evictionDate", "2026-12-01")))
                .containsKey("recovery.evictionDate");
        assertThat(refused(TestCases.secure().set("account.payments", List.of(Map.of("date", "2026-12-01", "amount", 5)))))
                .containsKey("account.payments[0].date");
        assertThat(refused(TestCases.secure().set("recovery.courtOutcome", Map.of("type", "ADJOURNED", "date", "2026-11-01"))))
                .containsKey("recovery.courtOutcome");
        assertThat(refused(TestCases.secure().set("recovery.claim", Map.of("issuedOn", "2026-08-01"))
                .set("recovery.courtOrder", Map.of("type", "OUTRIGHT", "madeOn", "2026-09-01"))
                .set("recovery.courtOutcome", Map.of("type", "WITHDRAWN", "date", "2026-10-01"))))
                .containsKey("recovery.courtOutcome.type");
        assertThat(refused(TestCases.secure().set("arrangement", Map.of("status", "KEPT", "state", "BREACHED"))))
                .containsKey("arrangement.state");
        assertThat(refused(TestCases.secure().set("arrangement", Map.of("status", "BROKEN", "state", "COMPLETED"))))
                .containsKey("arrangement.state");
    }

    private static Map<String, String> refused(TestCases c) {
        try {
            Scenarios.reader().validate(c.facts());
        } catch (InvalidRequestException e) {
            return e.errors().stream().collect(Collectors.toMap(Problem.FieldError::field, Problem.FieldError::message, (a, b) -> a));
        }
        throw new AssertionError("the case was accepted: " + c.json());
    }

    @Test
    void aLadderCountsTheEpisodesStepsWithTheLandlordsOwnCodesAndTheirOutcomes() {
        LadderInputs in = inputs(TestCases.secure().set("account.balance", 600)
                .set("account.balanceHistory", List.of(Map.of("date", "2026-06-01", "balance", 0), Map.of("date", "2026-10-19", "balance", 450),
                        Map.of("date", "2026-08-17", "balance", 200)))
                .set("arrangement", Map.of("status", "BROKEN", "previouslyBroken", 1))
                .action("SEND_REMINDER_LETTER_1", 40)
                .action("CONTACT_TENANT", 30, Map.of("outcome", "SUCCEEDED"))
                .action("LANDLORD_ACTION", 20, Map.of("code", "REVIEW_FAILED_LETTER"))
                .action("CONTACT_TENANT", 9, Map.of("outcome", "FAILED"))
                .action("HOME_VISIT", 5, Map.of("outcome", "FAILED"))
                .action("SEND_SMS_REMINDER", 2)
                .action("LANDLORD_ACTION", 1, Map.of("code", "REVIEW_FAILED_LETTER")), Map.of("REVIEW_FAILED_LETTER", ActionCategory.ADMIN));
        StepHistory h = in.history();
        assertThat(h.steps()).extracting(StepHistory.Step::code).containsExactly("REVIEW_FAILED_LETTER", "SEND_SMS_REMINDER", "HOME_VISIT",
                "CONTACT_TENANT", "REVIEW_FAILED_LETTER", "CONTACT_TENANT", "SEND_REMINDER_LETTER_1");
        assertThat(h.steps().get(0).category()).isEqualTo("ADMIN");
        assertThat(h.steps().get(2).outcome()).isEqualTo("FAILED");
        assertThat(h.daysSinceStep()).containsEntry("REVIEW_FAILED_LETTER", 1L).containsEntry("CONTACT_TENANT", 9L);
        assertThat(h.timesTaken()).containsEntry("REVIEW_FAILED_LETTER", 2L).containsEntry("CONTACT_TENANT", 2L);
        assertThat(h.timesFailed()).containsEntry("CONTACT_TENANT", 1L).containsEntry("HOME_VISIT", 1L).doesNotContainKey("SEND_SMS_REMINDER");
        // The SMS is a LETTER; the two failed attempts in a row end at the call that got through.
        assertThat(h.lettersThisEpisode()).isEqualTo(2);
        assertThat(h.failedContactAttempts()).isEqualTo(2);
        assertThat(h.brokenArrangements()).isEqualTo(2);
        assertThat(in.events().daysSinceLastAction()).isEqualTo(1L);
        // The balance: 450 five weeks ago (the latest at least 4 weeks back), 200 at 14 weeks, clear on 1 June.
        assertThat(h.balance4WeeksAgo()).isEqualByComparingTo("450");
        assertThat(h.balance13WeeksAgo()).isEqualByComparingTo("200");
        assertThat(h.arrearsChange4Weeks()).isEqualByComparingTo("150");
        assertThat(h.arrearsTrend()).isEqualTo("RISING");
        assertThat(h.daysInArrears()).isEqualTo(175L);
        assertThat(h.balanceHistory()).extracting(p -> p.daysAgo()).containsExactly(0L, 35L, 98L, 175L);
        // The standard windows: 1 and 2 weeks back read the entry 5 weeks ago, 8 weeks the one at 14; none is 26 weeks old.
        BalanceWindows w = in.balanceWindows();
        assertThat(w.balance1WeekAgo()).isEqualByComparingTo("450");
        assertThat(w.balance2WeeksAgo()).isEqualByComparingTo("450");
        assertThat(w.balance8WeeksAgo()).isEqualByComparingTo("200");
        assertThat(w.balance26WeeksAgo()).isNull();
        assertThat(w.arrearsChange1Week()).isEqualByComparingTo("150");
        assertThat(w.arrearsChange8Weeks()).isEqualByComparingTo("400");
        assertThat(w.arrearsChange13Weeks()).isEqualByComparingTo("400");
        assertThat(w.arrearsChange26Weeks()).isNull();
    }

    @Test
    void withoutHistoryTheTrendIsNotKnownAndNothingIsCounted() {
        StepHistory h = inputs(TestCases.secure().set("account.balance", 300)).history();
        assertThat(h.arrearsTrend()).isEqualTo("NOT_KNOWN");
        assertThat(h.balance4WeeksAgo()).isNull();
        assertThat(inputs(TestCases.secure().set("account.balance", 300)).balanceWindows()).isEqualTo(
                new BalanceWindows(null, null, null, null, null, null, null, null, null));
        assertThat(h.steps()).isEmpty();
        assertThat(h.daysSinceStep()).isEmpty();
        assertThat(h.failedContactAttempts()).isZero();
        assertThat(h.brokenArrangements()).isZero();
        assertThat(h.daysInArrears()).isNull();
    }

    @Test
    void theArrearsSinceEachStepAreMeasuredFromTheBalanceOnItsDay() {
        // 2026-11-23: 650 owed; 500 recorded on 19 October, 600 on 9 November; the notice served on 2 November.
        LadderInputs in = inputs(TestCases.secure().set("account.balance", 650)
                .set("account.balanceHistory", List.of(Map.of("date", "2026-09-01", "balance", 0), Map.of("date", "2026-10-19", "balance", 500),
                        Map.of("date", "2026-11-09", "balance", 600)))
                .set("recovery.notice", Map.of("type", "NOSP", "servedOn", "2026-11-02", "dateSpecified", "2026-11-30"))
                .action("SEND_REMINDER_LETTER_1", 40)
                .action("SEND_REMINDER_LETTER_2", 14)
                .action("LANDLORD_ACTION", 10, Map.of("code", "ARREARS_EMAIL"))
                .action("CONTACT_TENANT", 3)
                .action("HOME_VISIT", 0), Map.of("ARREARS_EMAIL", ActionCategory.LETTER));
        ArrearsSinceSteps since = in.arrearsSinceSteps();
        Map<String, BigDecimal> change = since.arrearsChangeSinceStep();
        // Letter 1 on 14 October reads the clear account of 1 September.
        assertThat(change.get("SEND_REMINDER_LETTER_1")).isEqualByComparingTo("650");
        // Letter 2 on 9 November, the day 600 was recorded; the email on 13 November and the call on 20 November read the same entry.
        assertThat(change.get("SEND_REMINDER_LETTER_2")).isEqualByComparingTo("50");
        assertThat(change.get("ARREARS_EMAIL")).isEqualByComparingTo("50");
        assertThat(change.get("CONTACT_TENANT")).isEqualByComparingTo("50");
        // A step taken today: nothing has moved since.
        assertThat(change.get("HOME_VISIT")).isEqualByComparingTo("0");
        // The notice on 2 November reads the 19 October entry.
        assertThat(since.arrearsChangeSinceNotice()).isEqualByComparingTo("150");
        // The landlord's own LETTER code is the latest letter.
        assertThat(since.daysSinceLastLetter()).isEqualTo(10L);
        assertThat(since.annualRent()).isEqualByComparingTo("5200");
        // The arrears the request gives for the day of service come first.
        assertThat(inputs(TestCases.secure().set("account.balance", 650).set("recovery.notice",
                Map.of("type", "NOSP", "servedOn", "2026-11-02", "dateSpecified", "2026-11-30", "arrearsAtService", 700)))
                .arrearsSinceSteps().arrearsChangeSinceNotice()).isEqualByComparingTo("-50");
        assertThat(since.arrearsPercentOfAnnualRent()).isEqualByComparingTo("12.50");
    }

    @Test
    void withoutABalanceOnTheDayTheChangeIsNotKnownAndAMonthlyRentIsTwelveMonths() {
        LadderInputs in = inputs(TestCases.secure().set("account.balance", 300).set("tenancy.rentFrequency", "MONTHLY")
                .set("tenancy.rentPerPeriod", 500).set("recovery.notice", Map.of("type", "NOSP", "servedOn", "2026-11-02", "dateSpecified", "2026-12-07"))
                .action("SEND_REMINDER_LETTER_1", 30));
        ArrearsSinceSteps since = in.arrearsSinceSteps();
        assertThat(since.arrearsChangeSinceStep()).isEmpty();
        assertThat(since.arrearsChangeSinceNotice()).isNull();
        assertThat(since.daysSinceLastLetter()).isEqualTo(30L);
        assertThat(since.annualRent()).isEqualByComparingTo("6000");
        assertThat(since.arrearsPercentOfAnnualRent()).isEqualByComparingTo("5.00");
        assertThat(inputs(TestCases.secure().set("account.balance", 300)).arrearsSinceSteps().daysSinceLastLetter()).isNull();
    }

    @Test
    void netRentLeavesOutTheServiceChargesAndIsTheWholeChargeWithoutThem() {
        ArrearsSinceSteps net = inputs(TestCases.secure().set("account.balance", 360).set("tenancy.serviceChargePerPeriod", 10)).arrearsSinceSteps();
        assertThat(net.weeklyNetRent()).isEqualByComparingTo("90");
        assertThat(net.weeksOfNetRentOwed()).isEqualByComparingTo("4");
        // A monthly charge of 520 with 52 of it service charges: 468 a month is 108 a week net.
        ArrearsSinceSteps monthly = inputs(TestCases.secure().set("account.balance", 432).set("tenancy.rentFrequency", "MONTHLY")
                .set("tenancy.rentPerPeriod", 520).set("tenancy.serviceChargePerPeriod", 52)).arrearsSinceSteps();
        assertThat(monthly.weeklyNetRent()).isEqualByComparingTo("108");
        assertThat(monthly.weeksOfNetRentOwed()).isEqualByComparingTo("4");
        ArrearsSinceSteps none = inputs(TestCases.secure().set("account.balance", 360)).arrearsSinceSteps();
        assertThat(none.weeklyNetRent()).isEqualByComparingTo("100");
        assertThat(none.weeksOfNetRentOwed()).isEqualByComparingTo("3.6");
        assertThat(refused(TestCases.secure().set("tenancy.serviceChargePerPeriod", 100))).containsKey("tenancy.serviceChargePerPeriod");
    }

    @Test
    void theStepAndBalanceGroupsReadOneEpisodeAndOneBalanceHistoryMadeOnce() {
        CaseAnalysis analysis = new CaseAnalysis(Scenarios.reader().validate(TestCases.secure().set("account.balance", 650)
                .set("account.balanceHistory", List.of(Map.of("date", "2026-10-19", "balance", 500)))
                .action("SEND_REMINDER_LETTER_1", 40).action("CONTACT_TENANT", 3).facts()));
        StepsAndBalances shared = new StepsAndBalances(analysis, Map.of());
        assertThat(shared.steps()).isSameAs(shared.steps());
        assertThat(shared.balances()).isSameAs(shared.balances());
        StepHistory history = StepHistory.of(shared);
        ArrearsSinceSteps since = ArrearsSinceSteps.of(shared);
        assertThat(history.balanceHistory()).isSameAs(shared.balances().points());
        assertThat(history.steps()).extracting(StepHistory.Step::code).containsExactly("CONTACT_TENANT", "SEND_REMINDER_LETTER_1");
        // The call reads the 19 October entry; the letter of 14 October has no balance recorded by its day.
        assertThat(since.arrearsChangeSinceStep()).containsOnlyKeys("CONTACT_TENANT");
        assertThat(since.arrearsChangeSinceStep().get("CONTACT_TENANT")).isEqualByComparingTo("150");
        // Every group as a ladder reading them all gets it, from one pair for the decision.
        LadderInputs all = LadderInputs.of(analysis, analysis.positionOn(analysis.asOf()), Map.of());
        assertThat(all.history()).isEqualTo(history);
        assertThat(all.arrearsSinceSteps()).isEqualTo(since);
        assertThat(all.balanceWindows()).isEqualTo(BalanceWindows.of(shared.balances()));
    }
}

