package org.rentrecovery.limitation;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.Startup;

import org.drools.ruleunits.api.RuleUnit;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.engine.ReusedRuleUnit;
import org.rentrecovery.law.LegalParameters;

/**
 * Runs the limitation rules (rules/limitation/LimitationRules.drl) for one case. The facts layer
 * ({@code CaseAnalysis}) is plain Java built anywhere, so the rule unit is held statically: in the
 * service it is the one Kogito compiled at build time, registered when the application starts;
 * outside a container (plain JUnit) it is compiled once from the same DRL on first use, which needs
 * drools-wiring-dynamic and the DRL in this package's folder on the classpath. Either way there is
 * one limitation calculation, and every figure (legal.statuteBarredAmount, the guards, write-off)
 * reads it.
 */
@ApplicationScoped
@Startup
public class LimitationReview {
    private static volatile RuleUnit<LimitationRules> unit;
    private static final ReusedRuleUnit<LimitationRules> REUSED = new ReusedRuleUnit<>(LimitationReview::unit, LimitationRules::new);

    @Inject
    public LimitationReview(RuleUnit<LimitationRules> compiled) {
        unit = compiled;
    }

    private static RuleUnit<LimitationRules> unit() {
        RuleUnit<LimitationRules> current = unit;
        if (current == null) {
            synchronized (LimitationReview.class) {
                if (unit == null) {
                    unit = ReusedRuleUnit.compiled(new LimitationRules());
                }
                current = unit;
            }
        }
        return current;
    }

    /**
     * @param breathingSpaceStart first day of the case's moratorium, null if none (or none in law yet)
     * @param breathingSpaceLastDay its last day, null while it has no known end
     */
    public static LimitationSchedule schedule(CaseFacts facts, LocalDate breathingSpaceStart, LocalDate breathingSpaceLastDay) {
        LegalParameters.LimitationPeriod law = LegalParameters.current().limitationOn(facts.asOf());
        List<ChargeLimit> charges = charges(facts);
        if (charges.isEmpty()) {
            return LimitationSchedule.none(law.reference());
        }
        var judgment = facts.recovery() == null ? null : facts.recovery().judgment();
        var tenants = facts.tenancy().tenants() == null ? List.<CaseFacts.Tenant>of() : facts.tenancy().tenants();
        LimitationTerms terms = new LimitationTerms(law.years(), law.reference(), breathingSpaceStart, breathingSpaceLastDay,
                law.breathingSpaceExtensionWeeks(), judgment == null ? null : judgment.date(),
                tenants.stream().map(CaseFacts.Tenant::id).toList());
        REUSED.fire((data, run) -> {
            run.add(data.getTerms(), terms);
            if (facts.account().acknowledgments() != null) {
                facts.account().acknowledgments().forEach(a -> run.add(data.getAcknowledgments(),
                        new AcknowledgmentMade(a.date(), a.type().name(), a.tenantId())));
            }
            charges.forEach(charge -> run.add(data.getCharges(), charge));
        });
        return new LimitationSchedule(charges.stream().map(ChargeLimit::outcome).toList(), law.reference());
    }

    /**
     * The unpaid charges as listed; with none listed, a tenancy that has ended with arrears stands as one
     * charge of the whole balance due on its last day, the latest any of it can have fallen due: never
     * "no dates" read as "not barred".
     */
    static List<ChargeLimit> charges(CaseFacts facts) {
        List<CaseFacts.UnpaidCharge> unpaid = facts.account().unpaidCharges();
        if (unpaid != null && !unpaid.isEmpty()) {
            return unpaid.stream().map(c -> new ChargeLimit(c.dueDate(), c.amount())).toList();
        }
        LocalDate end = facts.tenancy().endDate();
        if (end != null && !end.isAfter(facts.asOf()) && facts.account().balance().signum() > 0) {
            return List.of(new ChargeLimit(end, facts.account().balance(), true));
        }
        return List.of();
    }
}
