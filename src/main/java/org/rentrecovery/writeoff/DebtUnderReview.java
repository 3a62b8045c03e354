package org.rentrecovery.writeoff;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.rentrecovery.contract.Reason;
import org.rentrecovery.contract.Vocabulary.Estate;
import org.rentrecovery.contract.Vocabulary.InsolvencyType;
import org.rentrecovery.law.LawSections;

/**
 * One debt the write-off law rules examine: the legal facts in, and the legal findings out (set by
 * the rules). Plain getters because the rule engine reads bean properties.
 */
public final class DebtUnderReview {
    private final LocalDate asOf;
    private final BigDecimal balance;
    private final BigDecimal statuteBarredAmount;
    private final int tenantsNamed;
    private final int tenantsDeceased;
    private final Estate estate;
    private final InsolvencyType insolvencyType;
    private final LocalDate insolvencyDate;
    private final BigDecimal arrearsCovered;

    private BigDecimal barredAmount = BigDecimal.ZERO.setScale(2);
    private boolean deceasedSoleTenantWithoutEstate;
    private boolean survivingJointTenantLiable;
    private BigDecimal bankruptcyAmount = BigDecimal.ZERO.setScale(2);
    private BigDecimal droAmount = BigDecimal.ZERO.setScale(2);
    private BigDecimal ivaAmount = BigDecimal.ZERO.setScale(2);
    private final List<Reason> findings = new ArrayList<>();
    private BigDecimal barredAlsoCoveredByInsolvency = BigDecimal.ZERO.setScale(2);

    public DebtUnderReview(LocalDate asOf, BigDecimal balance, BigDecimal statuteBarredAmount, int tenantsNamed,
            int tenantsDeceased, Estate estate, InsolvencyType insolvencyType, LocalDate insolvencyDate, BigDecimal arrearsCovered) {
        this.asOf = asOf;
        this.balance = balance;
        this.statuteBarredAmount = statuteBarredAmount;
        this.tenantsNamed = tenantsNamed;
        this.tenantsDeceased = tenantsDeceased;
        this.estate = estate;
        this.insolvencyType = insolvencyType;
        this.insolvencyDate = insolvencyDate;
        this.arrearsCovered = arrearsCovered;
    }

    public LocalDate getAsOf() { return asOf; }
    public BigDecimal getBalance() { return balance; }
    public boolean isInArrears() { return balance.signum() > 0; }
    public BigDecimal getStatuteBarredAmount() { return statuteBarredAmount; }
    public int getTenantsNamed() { return tenantsNamed; }
    public int getTenantsDeceased() { return tenantsDeceased; }
    public int getTenantsLiving() { return tenantsNamed - tenantsDeceased; }
    public Estate getEstate() { return estate; }
    public InsolvencyType getInsolvencyType() { return insolvencyType; }
    public LocalDate getInsolvencyDate() { return insolvencyDate; }
    public boolean isInsolvencyInForce() { return insolvencyDate != null && !insolvencyDate.isAfter(asOf); }
    /**
     * The arrears the order covers, no more than the balance: the figure given, or worked out from the
     * charges due by the order's date ({@code CaseAnalysis.insolvencyCoveredAmount}); absent means the balance.
     */
    public BigDecimal getInsolvencyCoveredAmount() {
        return arrearsCovered == null ? balance : arrearsCovered.min(balance);
    }

    public BigDecimal getBarredAmount() { return barredAmount; }
    public boolean isDeceasedSoleTenantWithoutEstate() { return deceasedSoleTenantWithoutEstate; }
    public boolean isSurvivingJointTenantLiable() { return survivingJointTenantLiable; }
    public BigDecimal getBankruptcyAmount() { return bankruptcyAmount; }
    public BigDecimal getDroAmount() { return droAmount; }
    /** Arrears an individual voluntary arrangement covers: the landlord is bound by it (IA 1986 s.260(2)). */
    public BigDecimal getIvaAmount() { return ivaAmount; }
    public List<Reason> getFindings() { return List.copyOf(findings); }

    /**
     * What the law stops the landlord claiming, counted once: the statute-barred part plus the part in
     * a bankruptcy or DRO, less the statute-barred charges the order's figure already includes, no
     * more than the balance. The write-off amount and the recoverable amount both use it.
     */
    public BigDecimal getLegallyExcludedAmount() {
        if (balance.signum() <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal insolvency = bankruptcyAmount.add(droAmount).add(ivaAmount);
        BigDecimal overlap = barredAlsoCoveredByInsolvency.min(insolvency).min(barredAmount);
        return barredAmount.add(insolvency).subtract(overlap).min(balance).max(BigDecimal.ZERO);
    }

    /** Statute-barred charges that the insolvency figure was worked out from (so are in both). */
    public void setBarredAlsoCoveredByInsolvency(BigDecimal amount) { this.barredAlsoCoveredByInsolvency = amount; }

    // Called by rule consequences.
    public void setBarredAmount(BigDecimal amount) { this.barredAmount = amount; }
    public void setDeceasedSoleTenantWithoutEstate(boolean value) { this.deceasedSoleTenantWithoutEstate = value; }
    public void setSurvivingJointTenantLiable(boolean value) { this.survivingJointTenantLiable = value; }
    public void setBankruptcyAmount(BigDecimal amount) { this.bankruptcyAmount = amount; }
    public void setDroAmount(BigDecimal amount) { this.droAmount = amount; }
    public void setIvaAmount(BigDecimal amount) { this.ivaAmount = amount; }

    public void find(String rule, String text, String reference) {
        findings.add(new Reason(rule, text, LawSections.cite(rule, text, reference)));
    }
}
