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
        CaseAnalysis analysis = new CaseAnalysis(Scenarios.reader().validate(c.facts()));
        return LadderInputs.of(analysis, analysis.positionOn(analysis.asOf()));
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
        Set<String> inputs = Arrays.stream(LadderInputs.class.getRecordComponents()).map(c -> c.getName()).collect(Collectors.toSet());
        List<String> missing = Arrays.stream(ActionType.values()).filter(t -> t != ActionType.NO_ACTION && t != ActionType.LANDLORD_ACTION)
                .filter(t -> !Set.of(ActionType.SEND_REMINDER_LETTER_1, ActionType.SEND_REMINDER_LETTER_2,
                        ActionType.SEND_COURT_WARNING_LETTER).contains(t))
                .map(t -> "daysSince" + Arrays.stream(t.name().split("_")).map(w -> w.charAt(0) + w.substring(1).toLowerCase())
                        .collect(Collectors.joining()))
                .filter(name -> !inputs.contains(name)).toList();
        assertThat(missing).isEmpty();
        LadderInputs in = inputs(TestCases.secure().set("account.balance", 300).action("SEND_BREACH_LETTER", 5)
                .action("HOME_VISIT", 12).action("SEND_SMS_REMINDER", 2));
        assertThat(in.daysSinceSendBreachLetter()).isEqualTo(5L);
        assertThat(in.daysSinceHomeVisit()).isEqualTo(12L);
        assertThat(in.daysSinceLastAction()).isEqualTo(2L);
        assertThat(in.daysSinceApplyForWarrant()).isNull();
    }

    @Test
    void aPastHearingNeverLooksLikeAFutureOne() {
        LadderInputs future = inputs(withHearing("2026-12-03"));
        assertThat(future.daysToHearing()).isEqualTo(10L);
        assertThat(future.daysSinceHearing()).isNull();
        LadderInputs past = inputs(withHearing("2026-11-13"));
        assertThat(past.daysToHearing()).isNull();
        assertThat(past.daysSinceHearing()).isEqualTo(10L);
        LadderInputs today = inputs(withHearing("2026-11-23"));
        assertThat(today.daysToHearing()).isZero();
        assertThat(today.daysSinceHearing()).isZero();
        assertThat(past.hearingDate()).isEqualTo(LocalDate.parse("2026-11-13"));
        assertThat(past.daysSinceClaimIssued()).isEqualTo(83L);
    }

    @Test
    void paymentsCountInTheRentPeriodTheyFallIn() {
        // Weekly rent from Monday: asOf 2026-11-23 is a Monday, so the period is that one day.
        TestCases weekly = TestCases.secure().set("account.balance", 400).set("account.payments", List.of(
                Map.of("date", "2026-11-23", "amount", 30), Map.of("date", "2026-11-20", "amount", 20),
                Map.of("date", "2026-11-10", "amount", 99)));
        LadderInputs in = inputs(weekly);
        assertThat(in.currentPeriodStart()).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(in.paidThisPeriod()).isEqualByComparingTo("30");
        assertThat(in.paidLast7Days()).isEqualByComparingTo("50");
        assertThat(in.daysSinceLastPayment()).isZero();
        LadderInputs thursdays = inputs(weekly.set("tenancy.periodStartDay", "THURSDAY"));
        assertThat(thursdays.currentPeriodStart()).isEqualTo(LocalDate.parse("2026-11-19"));
        assertThat(thursdays.paidThisPeriod()).isEqualByComparingTo("50");
        LadderInputs monthly = inputs(weekly.set("tenancy.rentFrequency", "MONTHLY").set("tenancy.rentPerPeriod", 433.33));
        assertThat(monthly.currentPeriodStart()).isEqualTo(LocalDate.parse("2026-11-06"));
        assertThat(monthly.paidThisPeriod()).isEqualByComparingTo("149");
        assertThat(monthly.weeklyRent().setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("100.00");
        assertThat(monthly.monthsInArrears()).isGreaterThan(BigDecimal.ZERO);
        assertThat(inputs(TestCases.secure()).paidThisPeriod()).isEqualByComparingTo("0");
    }

    @Test
    void theOrderItsAgreementAndAWarrantAreSeenTogether() {
        TestCases ordered = TestCases.secure().set("account.balance", 900)
                .set("recovery.claim", Map.of("issuedOn", "2026-08-01"))
                .set("recovery.courtOrder", Map.of("type", "SUSPENDED", "madeOn", "2026-10-01", "termsBreached", true))
                .set("arrangement", Map.of("status", "BROKEN", "startDate", "2026-10-15", "kind", "FORMAL", "state", "BREACHED"))
                .set("recovery.evictionDate", "2026-12-01")
                .action("APPLY_FOR_WARRANT", 10);
        LadderInputs in = inputs(ordered);
        assertThat(in.daysSinceOrder()).isEqualTo(53L);
        assertThat(in.agreementStartAfterOrderDays()).isEqualTo(14L);
        assertThat(in.agreementKind()).isEqualTo("FORMAL");
        assertThat(in.agreementState()).isEqualTo("BREACHED");
        assertThat(in.warrantApplied()).isTrue();
        assertThat(in.daysToEviction()).isEqualTo(8L);
        assertThat(in.decisionDate()).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(inputs(TestCases.secure()).agreementState()).isEqualTo("NONE");
    }

    @Test
    void aPauseHoldsUntilItsLastDayAndNotAfter() {
        TestCases paused = TestCases.secure().set("account.balance", 300)
                .set("pause", Map.of("until", "2026-11-25", "reason", "AWAITING_HB_DECISION", "setBy", "officer-7", "setOn", "2026-11-20"));
        LadderInputs in = inputs(paused);
        assertThat(in.pauseActive()).isTrue();
        assertThat(in.daysToPauseEnd()).isEqualTo(2L);
        assertThat(in.pauseReason()).isEqualTo("AWAITING_HB_DECISION");
        LadderInputs over = inputs(paused.set("pause", Map.of("until", "2026-11-22")));
        assertThat(over.pauseActive()).isFalse();
        assertThat(over.daysToPauseEnd()).isNull();
        assertThat(over.pauseUntil()).isEqualTo(LocalDate.parse("2026-11-22"));
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
}
