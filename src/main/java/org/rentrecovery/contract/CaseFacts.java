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
import org.rentrecovery.contract.Vocabulary.CourtOrderType;
import org.rentrecovery.contract.Vocabulary.CourtOutcomeType;
import org.rentrecovery.contract.Vocabulary.Estate;
import org.rentrecovery.contract.Vocabulary.Ground;
import org.rentrecovery.contract.Vocabulary.HbPaymentForm;
import org.rentrecovery.contract.Vocabulary.HouseholdComposition;
import org.rentrecovery.contract.Vocabulary.HousingCostSupport;
import org.rentrecovery.contract.Vocabulary.JudgmentType;
import org.rentrecovery.contract.Vocabulary.LandlordType;
import org.rentrecovery.contract.Vocabulary.NoticeType;
import org.rentrecovery.contract.Vocabulary.Region;
import org.rentrecovery.contract.Vocabulary.RentFrequency;
import org.rentrecovery.contract.TenantProtections.BreathingSpace;
import org.rentrecovery.contract.TenantProtections.Insolvency;
import org.rentrecovery.contract.TenantProtections.Vulnerability;
import org.rentrecovery.contract.Vocabulary.StepOutcome;
import org.rentrecovery.contract.Vocabulary.TenancyType;

/**
 * The facts of one rent account on {@code asOf}: the request body of every decision endpoint.
 * Only caseRef, asOf, tenancy.type, tenancy.rentFrequency, tenancy.rentPerPeriod and
 * account.balance are required; an absent block means "not known / none". Money is pounds and
 * pence (at most 2 decimals, at most £10m); dates are ISO yyyy-MM-dd between 1900 and 2100.
 */
@Schema(name = "CaseFacts", description = "The facts of one rent account on asOf")
public record CaseFacts(
        @NotBlank @Size(max = 64) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
        @Schema(example = "HRA-000123", description = "The landlord's reference for the rent account, as its case system "
                + "knows it; recorded with the decision (no names or addresses)") String caseRef,
        @NotNull @Schema(example = "2026-11-23", description = "The date the decision is made for; the law in force on it applies") LocalDate asOf,
        @Valid @Schema(description = "Who the landlord is; absent = a local authority") Landlord landlord,
        @NotNull @Valid @Schema(description = "The tenancy: its type, dates, rent and tenants") Tenancy tenancy,
        @NotNull @Valid @Schema(description = "The rent account: balance, payments, charges") Account account,
        @Valid @Schema(description = "A repayment arrangement on the account; absent = none") Arrangement arrangement,
        @Valid @Schema(description = "The household's make-up and means, for the benefit cap and affordability") Household household,
        @Valid @Schema(description = "Housing Benefit, Universal Credit and the benefit cap") Benefits benefits,
        @Valid @Schema(description = "Vulnerability known to the landlord (special category data: docs/data-protection.md)") Vulnerability vulnerability,
        @Valid @Schema(description = "A Breathing Space (debt respite) moratorium; absent = none") BreathingSpace breathingSpace,
        @Valid @Schema(description = "A bankruptcy, debt relief order or IVA; absent = none") Insolvency insolvency,
        @Valid @Schema(description = "What recovery has done so far: actions, notice, claim, order, judgment") Recovery recovery,
        @Valid @Schema(description = "For a former tenancy: tracing, collection agency and the estate") FormerTenancy formerTenancy,
        @Valid @Schema(description = "A step the officer means to take: the answer says whether the law permits it on its date") ProposedAction proposedAction,
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
        public static final String CODE = "[A-Z][A-Z0-9_]*", CODE_MESSAGE = "must be an action code: capital letters, digits and _, starting with a letter";

        private Text() {
        }
    }

    public record Landlord(@NotNull @Schema(description = "LOCAL_AUTHORITY or HOUSING_ASSOCIATION") LandlordType type) {
    }

    public record Tenancy(
            @NotNull @Schema(description = "The tenancy's type in law, e.g. SECURE, ASSURED, INTRODUCTORY") TenancyType type,
            @Schema(description = "When the tenancy began") LocalDate startDate,
            @Schema(description = "Set when the tenancy has ended (or will end); on or before asOf means a former tenancy") LocalDate endDate,
            @Schema(description = "LONDON or ENGLAND_OUTSIDE_LONDON: sets the benefit cap") Region region,
            @NotNull @Schema(description = "How often rent falls due: WEEKLY, FORTNIGHTLY, FOUR_WEEKLY or MONTHLY") RentFrequency rentFrequency,
            @NotNull @DecimalMin(value = "0.00", inclusive = false, message = "must be more than 0")
            @DecimalMax("10000000") @Digits(integer = 8, fraction = 2)
            @Schema(example = "142.50", description = "The full charge for one rent period (rent plus service charges)") BigDecimal rentPerPeriod,
            @Schema(description = "The weekday a rent period starts on (weekly periods), for the dates a notice may specify") DayOfWeek periodStartDay,
            @Schema(example = "2026-01-01", description = "Any day on which a rent period began (the rent day), when periods do not run from tenancy.startDate: monthly periods then start on its day of the month, and fortnightly or four-weekly periods are counted from it. On or after tenancy.startDate, on tenancy.periodStartDay when both are given. Absent = periods run from tenancy.startDate")
            LocalDate periodStartDate,
            @Size(max = 10) @Schema(description = "The tenants, by the case system's ids (no names)") List<@NotNull @Valid Tenant> tenants,
            @Schema(description = "INTRODUCTORY only: the day the landlord served notice extending the trial period by 6 months (Housing Act 1996 s.125A); absent = not extended. Leave it out if a review (s.125B) overturned the extension") LocalDate trialExtensionNoticeServedOn,
            @Schema(description = "False for a letting that is not social housing (e.g. a market-rent assured tenancy): the Renters' Rights Act 2025 changes to Ground 8 and section 8 notice periods commenced on 1 May 2026 only for assured tenancies that are not social housing assured tenancies (SI 2026/421 reg 2). Absent = social housing.")
            Boolean socialHousing,
            @Schema(example = "2026-02-02", description = "INTRODUCTORY only: the day the trial period began, when it is not tenancy.startDate (Housing Act 1996 s.125(2)-(4)): later when the tenant was first entitled to possession after the tenancy was entered into, or the tenancy was adopted (the day of adoption); earlier when time as an introductory tenant, or as an assured shorthold tenant of a registered provider, ending immediately before it counts (for joint tenants, the earliest). Absent = tenancy.startDate") LocalDate trialPeriodStartDate,
            @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2)
            @Schema(example = "12.50", description = "The part of rentPerPeriod that is service charges, for a landlord's ladder that counts arrears in weeks of net rent (the rent without them). Less than rentPerPeriod. Absent = not known: net rent is then the whole charge")
            BigDecimal serviceChargePerPeriod) {
    }

    public record Tenant(
            @NotBlank @Size(max = 64) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
            @Schema(description = "The case system's id for the tenant, e.g. T1 (not a name)") String id,
            @Min(0) @Max(120) @Schema(description = "Age in whole years on asOf") Integer ageYears,
            @Schema(description = "True when the tenant has died") Boolean deceased,
            @Schema(description = "The date of death, when known") LocalDate dateOfDeath) {
    }

    public record Account(
            @NotNull @DecimalMin("-10000000") @DecimalMax("10000000") @Digits(integer = 8, fraction = 2)
            @Schema(example = "1234.56", description = "What the tenant owes: positive = arrears, negative = in credit") BigDecimal balance,
            @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) @Schema(description = "Part of the balance that is only a timing difference (e.g. HB or UC paid in arrears)") BigDecimal technicalArrears,
            @Schema(description = "The day of the last payment") LocalDate lastPaymentDate,
            @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) @Schema(description = "The amount of the last payment") BigDecimal lastPaymentAmount,
            @Size(max = 1000) @Schema(description = "Past balances by date, to find when the arrears began and their trend") List<@NotNull @Valid BalancePoint> balanceHistory,
            @Size(max = 1000) @Schema(description = "Charges still unpaid, by due date, for the limitation period of each") List<@NotNull @Valid UnpaidCharge> unpaidCharges,
            @Size(max = 1000) @Schema(description = "Written acknowledgments of the debt and part payments, which restart limitation") List<@NotNull @Valid Acknowledgment> acknowledgments,
            @Size(max = 1000)
            @Schema(description = "Recent payments (at least those in the current rent period); the tables see the sum paid in the current period and in the last 7 days")
            List<@NotNull @Valid Payment> payments) {
    }

    public record Payment(
            @NotNull @Schema(description = "The day it was paid") LocalDate date,
            @NotNull @DecimalMin(value = "0.00", inclusive = false, message = "must be more than 0")
            @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) @Schema(example = "50.00", description = "The amount paid") BigDecimal amount) {
    }

    public record BalancePoint(
            @NotNull @Schema(description = "The day") LocalDate date,
            @NotNull @DecimalMin("-10000000") @DecimalMax("10000000") @Digits(integer = 8, fraction = 2)
            @Schema(description = "The balance that day: positive = arrears") BigDecimal balance) {
    }

    public record UnpaidCharge(
            @NotNull @Schema(description = "When the charge fell due: its limitation period runs from then") LocalDate dueDate,
            @NotNull @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2)
            @Schema(description = "The part of it still unpaid") BigDecimal amount) {
    }

    public record Acknowledgment(
            @NotNull @Schema(description = "When the debt was acknowledged or the part payment made") LocalDate date,
            @NotNull @Schema(description = "WRITTEN (a signed acknowledgment) or PART_PAYMENT") AcknowledgmentType type,
            @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) @Schema(description = "The amount paid: required and more than 0 for a PART_PAYMENT") BigDecimal amount,
            @Size(max = 64) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
            @Schema(description = "The tenant (tenancy.tenants[].id) who signed the acknowledgment or made the payment: an acknowledgment binds only its signer (Limitation Act 1980 s.31(6))")
            String tenantId) {
    }

    public record Arrangement(
            @NotNull @Schema(description = "NONE, KEPT (being paid as agreed) or BROKEN") ArrangementStatus status,
            @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) @Schema(description = "The agreed payment towards the arrears each rent period, on top of the rent") BigDecimal amountPerPeriod,
            @Schema(description = "When the arrangement began") LocalDate startDate,
            @Min(0) @Max(1000) @Schema(description = "Agreed payments missed so far") Integer missedPayments,
            @Schema(description = "FORMAL (in writing or by the court) or INFORMAL") AgreementKind kind,
            @Schema(description = "LIVE, BREACHED, CANCELLED or COMPLETED; must agree with status") AgreementState state,
            @Min(0) @Max(1000) @Schema(description = "Repayment arrangements broken before this one in the current arrears episode; absent = not known (0)") Integer previouslyBroken) {
    }

    public record Household(
            @Schema(description = "Single or couple, with or without children: sets the benefit cap level") HouseholdComposition composition,
            @Schema(description = "Someone in the household is over State Pension age") Boolean anyoneOverStatePensionAge,
            @Schema(description = "Everyone in the household is over State Pension age (the cap does not apply)") Boolean allOverStatePensionAge,
            @Schema(description = "Someone gets a disability or carer's benefit that exempts the household from the cap") Boolean disabilityOrCarerBenefit,
            @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) @Schema(description = "The household's net earnings a month, for the UC earnings exemption from the cap") BigDecimal netEarningsMonthly,
            @Schema(description = "Earnings reached the exemption threshold in each of the 12 months before (the cap's grace period)")
            Boolean earningsAtThresholdEachOfPrior12Months,
            @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) @Schema(description = "All the household's income a month, benefits included, for an affordable arrangement") BigDecimal monthlyIncome,
            @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) @Schema(description = "Its essential spending a month (rent, bills, food), for an affordable arrangement") BigDecimal monthlyEssentialSpending) {
    }

    public record Benefits(
            @Schema(description = "How housing costs are met: NONE, HOUSING_BENEFIT or UNIVERSAL_CREDIT") HousingCostSupport housingCostSupport,
            @Schema(description = "For Housing Benefit: RENT_REBATE (council tenants) or RENT_ALLOWANCE") HbPaymentForm hbPaymentForm,
            @Valid @Schema(description = "A benefit claim made and not yet decided (Pre-Action Protocol); absent = none") ClaimPending claimPending,
            @Schema(description = "The household's benefits are reduced by the benefit cap") Boolean benefitCapped,
            @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) @Schema(description = "How much the cap takes off the housing support a week") BigDecimal capReductionPerWeek,
            @Schema(description = "When a cap grace period began, if one applies") LocalDate capGracePeriodStart,
            @Schema(description = "Housing support is paid straight to the landlord (HB direct payment or a UC managed payment)") Boolean paidDirectToLandlord,
            @Schema(description = "A UC third-party deduction for the arrears is in place") Boolean thirdPartyDeduction,
            @Schema(description = "Housing support has been paid short persistently") Boolean persistentUnderpayment,
            @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) @Schema(description = "The claimant's UC standard allowance a month, which caps a third-party deduction") BigDecimal ucStandardAllowanceMonthly,
            @Schema(description = "The last day of a Discretionary Housing Payment award, if any") LocalDate dhpAwardedUntil,
            @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) @Schema(description = "The UC work allowance that applies to the claimant, a month (0 when none applies); absent = not known. A third-party deduction for rent arrears cannot start while earned income exceeds it (UC etc. (Claims and Payments) Regs 2013 Sch 6 para 7(6))")
            BigDecimal ucWorkAllowanceMonthly) {
    }

    public record ClaimPending(
            @Schema(description = "When the claim was made") LocalDate since,
            @Schema(description = "The tenant has given the evidence the claim needs") Boolean evidenceProvided,
            @Schema(description = "There is a reasonable expectation the claim will succeed") Boolean reasonableExpectationOfEligibility,
            @Schema(description = "The tenant is paying the part of the rent the claim would not cover") Boolean shortfallPaid) {
    }

    public record Recovery(
            @Size(max = 1000) @Schema(description = "Steps already taken, each with its date (letters, calls, visits, referrals)") List<@NotNull @Valid RecoveryAction> actions,
            @Valid @Schema(description = "The possession notice served, if any") Notice notice,
            @Valid @Schema(description = "The possession claim, if one has been issued") Claim claim,
            @Valid @Schema(description = "The possession order, if one has been made") CourtOrder courtOrder,
            @Valid @Schema(description = "A money judgment for the arrears, if any") Judgment judgment,
            @Valid @Schema(description = "The latest hearing outcome that was not a possession order") CourtOutcome courtOutcome,
            @Schema(description = "The date the bailiffs are booked to evict; needs a possession order") LocalDate evictionDate) {
    }

    public record CourtOutcome(@NotNull @Schema(description = "What the hearing decided") CourtOutcomeType type,
            @NotNull @Schema(description = "The hearing's date") LocalDate date) {
    }

    public record RecoveryAction(@NotNull @Schema(description = "The step taken; LANDLORD_ACTION for a landlord's own step, named in code") ActionType type,
            @NotNull @Schema(description = "The day it was taken") LocalDate date,
            @Size(max = 64) @Pattern(regexp = Text.CODE, message = Text.CODE_MESSAGE)
            @Schema(example = "UPDATE_COURT_OUTCOME", description = "With type LANDLORD_ACTION: the landlord's own action code, declared in the policy in force") String code,
            @Schema(description = "SUCCEEDED or FAILED (a call not answered, a letter returned, no one at home); absent = not known") StepOutcome outcome) {
    }

    public record Notice(
            @NotNull @Schema(description = "NOSP, SECTION_8, NOTICE_OF_PROCEEDINGS or NOTICE_TO_QUIT") NoticeType type,
            @NotNull @Schema(description = "The day it was served") LocalDate servedOn,
            @Schema(description = "The date the notice specifies, after which a claim may be issued") LocalDate dateSpecified,
            @Size(max = 4) @Schema(description = "The grounds it names") List<@NotNull Ground> grounds,
            @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) @Schema(description = "The arrears on the day it was served (Ground 8 must be met then)") BigDecimal arrearsAtService) {
    }

    public record Claim(@Schema(description = "The day the claim was issued") LocalDate issuedOn,
            @Schema(description = "The hearing date, once listed") LocalDate hearingDate) {
    }

    public record CourtOrder(@NotNull @Schema(description = "OUTRIGHT, SUSPENDED or POSTPONED") CourtOrderType type,
            @Schema(description = "The day the order was made") LocalDate madeOn,
            @Schema(description = "The tenant has broken the terms of a suspended or postponed order") Boolean termsBreached,
            @Schema(description = "The date for possession: for a POSTPONED order, the date the court fixed on the landlord's application after a breach (CPR PD 55A para 10); absent = not fixed")
            LocalDate possessionDate,
            @Schema(example = "2026-11-02", description = "POSTPONED order only: the day the landlord gave the tenant written notice that it intends to apply to fix the date for possession (CPR PD 55A para 10.3): the application may be made from 14 clear days to 3 months after it. Absent = not recorded")
            LocalDate fixDateNoticeGivenOn) {
    }

    public record Judgment(
            @Schema(description = "The kind of judgment, e.g. MONEY_JUDGMENT") JudgmentType type,
            @NotNull @Schema(description = "The judgment's date: enforcing it has its own time limits") LocalDate date,
            @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) @Schema(description = "The amount of the judgment") BigDecimal amount) {
    }

    public record FormerTenancy(@Schema(description = "The former tenant's whereabouts are known") Boolean traced,
            @Schema(description = "Every tracing step has been tried without success") Boolean tracingExhausted,
            @Schema(description = "When the debt was placed with a collection agency, if it was") LocalDate collectionAgencyPlacedOn,
            @Schema(description = "For a deceased tenant's debt: NONE, SOLVENT or UNKNOWN estate") Estate estate,
            @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) @Schema(description = "The officer's estimate of what recovering the debt would cost (agency fees, court fees, staff time); used by the UNECONOMIC write-off reason")
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
            @NotNull @Schema(description = "The step the officer means to take; LANDLORD_ACTION for a landlord's own step, named in code") ActionType type,
            @Schema(description = "When the officer means to take the step; absent = asOf") LocalDate plannedDate,
            @Size(max = 4) @Schema(description = "For a notice or claim: the grounds it would rely on") List<@NotNull Ground> grounds,
            @Size(max = 64) @Pattern(regexp = Text.CODE, message = Text.CODE_MESSAGE)
            @Schema(example = "REVIEW_FAILED_LETTER", description = "With type LANDLORD_ACTION: the landlord's own action code, declared in the policy in force; judged by its category") String code) {
    }
}
