package org.rentrecovery.contract;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rentrecovery.contract.Vocabulary.AcknowledgmentType;
import org.rentrecovery.contract.Vocabulary.AgreementKind;
import org.rentrecovery.contract.Vocabulary.AgreementState;
import org.rentrecovery.contract.Vocabulary.ArrangementStatus;
import org.rentrecovery.contract.Vocabulary.AssessmentStatus;
import org.rentrecovery.contract.Vocabulary.BreathingSpaceType;
import org.rentrecovery.contract.Vocabulary.CourtOrderType;
import org.rentrecovery.contract.Vocabulary.CourtOutcomeType;
import org.rentrecovery.contract.Vocabulary.Estate;
import org.rentrecovery.contract.Vocabulary.Ground;
import org.rentrecovery.contract.Vocabulary.HbPaymentForm;
import org.rentrecovery.contract.Vocabulary.HouseholdComposition;
import org.rentrecovery.contract.Vocabulary.HousingCostSupport;
import org.rentrecovery.contract.Vocabulary.InsolvencyType;
import org.rentrecovery.contract.Vocabulary.JudgmentType;
import org.rentrecovery.contract.Vocabulary.LandlordType;
import org.rentrecovery.contract.Vocabulary.NoticeType;
import org.rentrecovery.contract.Vocabulary.Region;
import org.rentrecovery.contract.Vocabulary.RentFrequency;
import org.rentrecovery.contract.Vocabulary.TenancyType;
import org.rentrecovery.contract.Vocabulary.VulnerabilityFlag;

/**
 * The facts of one rent account on {@code asOf}: the request body of every decision endpoint.
 * Only caseRef, asOf, tenancy.type, tenancy.rentFrequency, tenancy.rentPerPeriod and
 * account.balance are required; an absent block means "not known / none". Money is pounds and
 * pence (at most 2 decimals, at most £10m); dates are ISO yyyy-MM-dd between 1900 and 2100.
 */
@Schema(name = "CaseFacts", description = "The facts of one rent account on asOf")
public record CaseFacts(
        @NotBlank @Size(max = 64) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
        @Schema(example = "HRA-000123") String caseRef,
        @NotNull @Schema(example = "2026-11-23", description = "The date the decision is made for; the law in force on it applies") LocalDate asOf,
        @Valid Landlord landlord,
        @NotNull @Valid Tenancy tenancy,
        @NotNull @Valid Account account,
        @Valid Arrangement arrangement,
        @Valid Household household,
        @Valid Benefits benefits,
        @Valid Vulnerability vulnerability,
        @Valid BreathingSpace breathingSpace,
        @Valid Insolvency insolvency,
        @Valid Recovery recovery,
        @Valid FormerTenancy formerTenancy,
        @Valid ProposedAction proposedAction,
        @Valid @Schema(description = "An officer's pause of the escalation ladder: landlord policy, never a legal hold (the legal guards ignore it)")
        Pause pause,
        @Size(max = 64) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
        @Schema(example = "2026.12.01-1", description = "Optional: decide under this policy version (a replay or a shadow "
                + "run) instead of the one in force on asOf; GET /api/policies lists them") String policyVersion,
        @Size(max = 64) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
        @Schema(description = "The officer whose queue the account is in, as the case system names them; only splits a team's worklist into officer queues (docs/worklists.md)") String officer) {

    /** The same facts, decided under another policy version (null: the one in force on asOf). */
    public CaseFacts withPolicyVersion(String version) {
        return new CaseFacts(caseRef, asOf, landlord, tenancy, account, arrangement, household, benefits, vulnerability,
                breathingSpace, insolvency, recovery, formerTenancy, proposedAction, pause, version, officer);
    }

    /** Shared text rules: printable characters only, so a corrupted or binary id is refused. */
    public static final class Text {
        public static final String PRINTABLE = "[^\\p{Cc}\\p{Cs}\\p{Co}\\p{Cn}]*";
        public static final String PRINTABLE_MESSAGE = "must contain printable characters only";

        private Text() {
        }
    }

    public record Landlord(@NotNull LandlordType type) {
    }

    public record Tenancy(
            @NotNull TenancyType type,
            LocalDate startDate,
            @Schema(description = "Set when the tenancy has ended (or will end); on or before asOf means a former tenancy") LocalDate endDate,
            Region region,
            @NotNull RentFrequency rentFrequency,
            @NotNull @DecimalMin(value = "0.00", inclusive = false, message = "must be more than 0")
            @DecimalMax("10000000") @Digits(integer = 8, fraction = 2)
            @Schema(example = "142.50", description = "The full charge for one rent period (rent plus service charges)") BigDecimal rentPerPeriod,
            DayOfWeek periodStartDay,
            @Size(max = 10) List<@NotNull @Valid Tenant> tenants,
            @Schema(description = "INTRODUCTORY only: the day the landlord served notice extending the trial period by 6 months (Housing Act 1996 s.125A); absent = not extended. Leave it out if a review (s.125B) overturned the extension")
            LocalDate trialExtensionNoticeServedOn,
            @Schema(description = "False for a letting that is not social housing (e.g. a market-rent assured tenancy): the Renters' Rights Act 2025 changes to Ground 8 and section 8 notice periods commenced on 1 May 2026 only for assured tenancies that are not social housing assured tenancies (SI 2026/421 reg 2). Absent = social housing.")
            Boolean socialHousing) {
    }

    public record Tenant(
            @NotBlank @Size(max = 64) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE) String id,
            @Min(0) @Max(120) Integer ageYears,
            Boolean deceased,
            LocalDate dateOfDeath) {
    }

    public record Account(
            @NotNull @DecimalMin("-10000000") @DecimalMax("10000000") @Digits(integer = 8, fraction = 2)
            @Schema(example = "1234.56", description = "What the tenant owes: positive = arrears, negative = in credit") BigDecimal balance,
            @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2)
            @Schema(description = "Part of the balance that is only a timing difference (e.g. HB or UC paid in arrears)") BigDecimal technicalArrears,
            LocalDate lastPaymentDate,
            @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) BigDecimal lastPaymentAmount,
            @Size(max = 1000) List<@NotNull @Valid BalancePoint> balanceHistory,
            @Size(max = 1000) List<@NotNull @Valid UnpaidCharge> unpaidCharges,
            @Size(max = 1000) List<@NotNull @Valid Acknowledgment> acknowledgments,
            @Size(max = 1000)
            @Schema(description = "Recent payments (at least those in the current rent period); the tables see the sum paid in the current period and in the last 7 days")
            List<@NotNull @Valid Payment> payments) {
    }

    public record Payment(
            @NotNull LocalDate date,
            @NotNull @DecimalMin(value = "0.00", inclusive = false, message = "must be more than 0")
            @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) @Schema(example = "50.00") BigDecimal amount) {
    }

    public record BalancePoint(
            @NotNull LocalDate date,
            @NotNull @DecimalMin("-10000000") @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) BigDecimal balance) {
    }

    public record UnpaidCharge(
            @NotNull LocalDate dueDate,
            @NotNull @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) BigDecimal amount) {
    }

    public record Acknowledgment(
            @NotNull LocalDate date,
            @NotNull AcknowledgmentType type,
            @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2)
            @Schema(description = "The amount paid: required and more than 0 for a PART_PAYMENT") BigDecimal amount,
            @Size(max = 64) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
            @Schema(description = "The tenant (tenancy.tenants[].id) who signed the acknowledgment or made the payment: an acknowledgment binds only its signer (Limitation Act 1980 s.31(6))")
            String tenantId) {
    }

    public record Arrangement(
            @NotNull ArrangementStatus status,
            @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) BigDecimal amountPerPeriod,
            LocalDate startDate,
            @Min(0) @Max(1000) Integer missedPayments,
            @Schema(description = "FORMAL (in writing or by the court) or INFORMAL") AgreementKind kind,
            @Schema(description = "LIVE, BREACHED, CANCELLED or COMPLETED; must agree with status") AgreementState state) {
    }

    public record Household(
            HouseholdComposition composition,
            Boolean anyoneOverStatePensionAge,
            Boolean allOverStatePensionAge,
            Boolean disabilityOrCarerBenefit,
            @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) BigDecimal netEarningsMonthly,
            Boolean earningsAtThresholdEachOfPrior12Months,
            @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) BigDecimal monthlyIncome,
            @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) BigDecimal monthlyEssentialSpending) {
    }

    public record Benefits(
            HousingCostSupport housingCostSupport,
            HbPaymentForm hbPaymentForm,
            @Valid ClaimPending claimPending,
            Boolean benefitCapped,
            @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) BigDecimal capReductionPerWeek,
            LocalDate capGracePeriodStart,
            Boolean paidDirectToLandlord,
            Boolean thirdPartyDeduction,
            Boolean persistentUnderpayment,
            @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) BigDecimal ucStandardAllowanceMonthly,
            LocalDate dhpAwardedUntil,
            @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2)
            @Schema(description = "The UC work allowance that applies to the claimant, a month (0 when none applies); absent = not known. A third-party deduction for rent arrears cannot start while earned income exceeds it (UC etc. (Claims and Payments) Regs 2013 Sch 6 para 7(6))")
            BigDecimal ucWorkAllowanceMonthly) {
    }

    public record ClaimPending(
            LocalDate since,
            Boolean evidenceProvided,
            Boolean reasonableExpectationOfEligibility,
            Boolean shortfallPaid) {
    }

    public record Vulnerability(
            @Size(max = 15) List<@NotNull VulnerabilityFlag> flags,
            AssessmentStatus assessment,
            Boolean capacityConcern) {
    }

    public record BreathingSpace(
            @NotNull BreathingSpaceType type,
            @NotNull LocalDate startDate,
            @Schema(description = "The last day of the moratorium, once known (cancelled or ended)") LocalDate endDate,
            @Schema(description = "The court has given permission to take enforcement steps (reg 7(2)(b))") Boolean courtPermission) {
    }

    public record Insolvency(
            @NotNull InsolvencyType type,
            @NotNull LocalDate date,
            @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2)
            @Schema(description = "Arrears included in the bankruptcy or DRO; absent = all arrears at the date") BigDecimal arrearsCovered) {
    }

    public record Recovery(
            @Size(max = 1000) List<@NotNull @Valid RecoveryAction> actions,
            @Valid Notice notice,
            @Valid Claim claim,
            @Valid CourtOrder courtOrder,
            @Valid Judgment judgment,
            @Valid @Schema(description = "The latest hearing outcome that was not a possession order") CourtOutcome courtOutcome,
            @Schema(description = "The date the bailiffs are booked to evict; needs a possession order") LocalDate evictionDate) {
    }

    public record CourtOutcome(@NotNull CourtOutcomeType type, @NotNull LocalDate date) {
    }

    public record RecoveryAction(@NotNull ActionType type, @NotNull LocalDate date) {
    }

    public record Notice(
            @NotNull NoticeType type,
            @NotNull LocalDate servedOn,
            LocalDate dateSpecified,
            @Size(max = 4) List<@NotNull Ground> grounds,
            @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) BigDecimal arrearsAtService) {
    }

    public record Claim(LocalDate issuedOn, LocalDate hearingDate) {
    }

    public record CourtOrder(@NotNull CourtOrderType type, LocalDate madeOn, Boolean termsBreached,
            @Schema(description = "The date for possession: for a POSTPONED order, the date the court fixed on the landlord's application after a breach (CPR PD 55A para 10); absent = not fixed")
            LocalDate possessionDate) {
    }

    public record Judgment(
            JudgmentType type,
            @NotNull LocalDate date,
            @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) BigDecimal amount) {
    }

    public record FormerTenancy(Boolean traced, Boolean tracingExhausted, LocalDate collectionAgencyPlacedOn, Estate estate,
            @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2)
            @Schema(description = "The officer's estimate of what recovering the debt would cost (agency fees, court fees, staff time); used by the UNECONOMIC write-off reason")
            BigDecimal estimatedRecoveryCost) {
    }

    public record Pause(
            @NotNull @Schema(example = "2026-12-14", description = "The last day of the pause") LocalDate until,
            @Size(max = 64) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
            @Schema(example = "AWAITING_HB_DECISION", description = "The landlord's own reason code; tables may match on it. No personal data") String reason,
            @Size(max = 64) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
            @Schema(example = "officer-1042", description = "Who set the pause (a staff id, not a name)") String setBy,
            @Schema(description = "When the pause was set; absent = not known") LocalDate setOn) {
    }

    public record ProposedAction(
            @NotNull ActionType type,
            @Schema(description = "When the officer means to take the step; absent = asOf") LocalDate plannedDate,
            @Size(max = 4) List<@NotNull Ground> grounds) {
    }
}
