package org.rentrecovery.benefitcap;

import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.decision.Decision;
import org.rentrecovery.support.TestCases;

/** Shared helpers for the benefit cap tests: one assessment compiled once, cases built from TestCases. */
final class CapCases {
    private static BenefitCapAssessment assessment;

    private CapCases() {
    }

    static synchronized BenefitCapAssessment assessment() {
        if (assessment == null) {
            assessment = BenefitCapAssessment.standalone();
        }
        return assessment;
    }

    static BenefitCapAssessment.Result assess(TestCases c) {
        return assessment().assess(new CaseAnalysis(c.facts()));
    }

    static Decision decide(TestCases c) {
        return TestCases.decisions().decide(c.facts());
    }

    /** A working-age UC household on a council secure tenancy outside London, weekly rent £100. */
    static TestCases ucHousehold() {
        return TestCases.secure()
                .set("household.composition", "COUPLE_WITH_CHILDREN")
                .set("household.anyoneOverStatePensionAge", false)
                .set("household.allOverStatePensionAge", false)
                .set("household.disabilityOrCarerBenefit", false)
                .set("benefits.housingCostSupport", "UNIVERSAL_CREDIT")
                .set("benefits.paidDirectToLandlord", false);
    }
}
