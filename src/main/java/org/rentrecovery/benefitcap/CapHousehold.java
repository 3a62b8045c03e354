package org.rentrecovery.benefitcap;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.rentrecovery.contract.Vocabulary.HousingCostSupport;
import org.rentrecovery.law.LawSections;

/**
 * The household as the benefit cap law sees it on asOf, with the figures in force that day, and
 * what the rules in {@code rules/benefitcap/BenefitCapLaw.drl} found: exemptions, a running grace
 * period, and notes. Built in Java from the case and the dated parameters; judged only in DRL.
 */
public final class CapHousehold {

    /** One legal finding with the rule that made it, a sentence for the officer and its reference. */
    public record Finding(String code, String rule, String text, String reference) {
    }

    private final LocalDate asOf;
    private final HousingCostSupport housingCostSupport;
    private final boolean formerTenancy;
    private final boolean anyoneOverStatePensionAge;
    private final boolean allOverStatePensionAge;
    private final boolean disabilityOrCarerBenefit;
    private final BigDecimal netEarningsMonthly;
    private final BigDecimal earningsThresholdMonthly;
    private final String earningsThresholdWorking;
    private final String earningsReference;
    private final boolean earningsAtThresholdEachOfPrior12Months;
    private final LocalDate gracePeriodStart;
    private final LocalDate gracePeriodLastDay;
    private final String gracePeriodLength;
    private final String gracePeriodReference;

    private final List<Finding> exemptions = new ArrayList<>();
    private final List<Finding> notes = new ArrayList<>();
    private Finding gracePeriod;

    public CapHousehold(LocalDate asOf, HousingCostSupport housingCostSupport, boolean formerTenancy, boolean anyoneOverStatePensionAge,
            boolean allOverStatePensionAge, boolean disabilityOrCarerBenefit, BigDecimal netEarningsMonthly,
            BigDecimal earningsThresholdMonthly, String earningsThresholdWorking, String earningsReference,
            boolean earningsAtThresholdEachOfPrior12Months, LocalDate gracePeriodStart, LocalDate gracePeriodLastDay,
            String gracePeriodLength, String gracePeriodReference) {
        this.earningsThresholdWorking = earningsThresholdWorking;
        this.gracePeriodLength = gracePeriodLength;
        this.asOf = asOf;
        this.housingCostSupport = housingCostSupport;
        this.formerTenancy = formerTenancy;
        this.anyoneOverStatePensionAge = anyoneOverStatePensionAge;
        this.allOverStatePensionAge = allOverStatePensionAge;
        this.disabilityOrCarerBenefit = disabilityOrCarerBenefit;
        this.netEarningsMonthly = netEarningsMonthly;
        this.earningsThresholdMonthly = earningsThresholdMonthly;
        this.earningsReference = earningsReference;
        this.earningsAtThresholdEachOfPrior12Months = earningsAtThresholdEachOfPrior12Months;
        this.gracePeriodStart = gracePeriodStart;
        this.gracePeriodLastDay = gracePeriodLastDay;
        this.gracePeriodReference = gracePeriodReference;
    }

    public LocalDate getAsOf() { return asOf; }
    public HousingCostSupport getHousingCostSupport() { return housingCostSupport; }
    public boolean isFormerTenancy() { return formerTenancy; }
    public boolean isAnyoneOverStatePensionAge() { return anyoneOverStatePensionAge; }
    public boolean isAllOverStatePensionAge() { return allOverStatePensionAge; }
    public boolean isDisabilityOrCarerBenefit() { return disabilityOrCarerBenefit; }
    public BigDecimal getNetEarningsMonthly() { return netEarningsMonthly; }
    public BigDecimal getEarningsThresholdMonthly() { return earningsThresholdMonthly; }
    public String getEarningsReference() { return earningsReference; }
    /** How the threshold is worked out, in words (null when no figure is known for asOf). */
    public String getEarningsThresholdWorking() { return earningsThresholdWorking; }
    public String getGracePeriodLength() { return gracePeriodLength; }
    public boolean isEarningsAtThresholdEachOfPrior12Months() { return earningsAtThresholdEachOfPrior12Months; }
    public LocalDate getGracePeriodStart() { return gracePeriodStart; }
    public LocalDate getGracePeriodLastDay() { return gracePeriodLastDay; }
    public String getGracePeriodReference() { return gracePeriodReference; }

    /** Called by a rule: the household is exempt from the cap for this reason. */
    public void exempt(String code, String rule, String text, String reference) {
        exemptions.add(new Finding(code, rule, text, LawSections.cite(rule, text, reference)));
    }

    /** Called by a rule: a grace period is running, so the cap is not applied until it ends. */
    public void graceRunning(String rule, String text, String reference) {
        gracePeriod = new Finding("GRACE_PERIOD", rule, text, LawSections.cite(rule, text, reference));
    }

    /** Called by a rule: something the officer should know that changes no eligibility. */
    public void note(String code, String rule, String text, String reference) {
        notes.add(new Finding(code, rule, text, LawSections.cite(rule, text, reference)));
    }

    public List<Finding> exemptions() { return List.copyOf(exemptions); }
    public List<Finding> notes() { return List.copyOf(notes); }
    public Finding gracePeriod() { return gracePeriod; }
}
