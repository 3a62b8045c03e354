package org.rentrecovery.analysis;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.Vocabulary.VulnerabilityFlag;

/**
 * The complex-case triggers present in a case, derived from the facts alone (no policy): the
 * routing table decides what they mean for the team, the legal guards what they mean for enforcement.
 */
public final class RoutingFacts {
    private RoutingFacts() {
    }

    /**
     * @param mentalHealthCrisisMoratorium a mental-health crisis Breathing Space is in force on the
     *        date the position is taken for
     */
    public static Set<RoutingTrigger> complexCaseTriggers(CaseFacts facts, boolean mentalHealthCrisisMoratorium) {
        Set<RoutingTrigger> triggers = EnumSet.noneOf(RoutingTrigger.class);
        var vulnerability = facts.vulnerability();
        Set<VulnerabilityFlag> flags = EnumSet.noneOf(VulnerabilityFlag.class);
        if (vulnerability != null && vulnerability.flags() != null) {
            flags.addAll(vulnerability.flags());
        }
        List<CaseFacts.Tenant> tenants = facts.tenancy().tenants() == null ? List.of() : facts.tenancy().tenants();
        if (mentalHealthCrisisMoratorium) {
            triggers.add(RoutingTrigger.MENTAL_HEALTH_CRISIS_BREATHING_SPACE);
        }
        // Every named tenant has died: nobody is left liable but the estate (a surviving joint tenant
        // remains liable, docs/law.md#deceased-tenants-and-estates, so a joint tenancy with one survivor is not this trigger).
        if (!tenants.isEmpty() && tenants.stream().allMatch(t -> Boolean.TRUE.equals(t.deceased()))) {
            triggers.add(RoutingTrigger.DECEASED_SOLE_TENANT);
        }
        if (flags.contains(VulnerabilityFlag.UNDER_18) || tenants.stream()
                .anyMatch(t -> t.ageYears() != null && t.ageYears() < 18 && !Boolean.TRUE.equals(t.deceased()))) {
            triggers.add(RoutingTrigger.UNDER_18);
        }
        if (vulnerability != null && Boolean.TRUE.equals(vulnerability.capacityConcern())) {
            triggers.add(RoutingTrigger.CAPACITY_CONCERN);
        }
        if (flags.contains(VulnerabilityFlag.SAFEGUARDING_CHILD) || flags.contains(VulnerabilityFlag.SAFEGUARDING_ADULT)) {
            triggers.add(RoutingTrigger.SAFEGUARDING);
        }
        if (flags.contains(VulnerabilityFlag.DOMESTIC_ABUSE)) {
            triggers.add(RoutingTrigger.DOMESTIC_ABUSE);
        }
        if (flags.contains(VulnerabilityFlag.TERMINAL_ILLNESS)) {
            triggers.add(RoutingTrigger.TERMINAL_ILLNESS);
        }
        if (flags.contains(VulnerabilityFlag.HOSPITAL_OR_CARE)) {
            triggers.add(RoutingTrigger.HOSPITAL_OR_CARE_HOME);
        }
        if (flags.contains(VulnerabilityFlag.MENTAL_HEALTH) || flags.contains(VulnerabilityFlag.MENTAL_HEALTH_CRISIS)) {
            triggers.add(RoutingTrigger.MENTAL_HEALTH);
        }
        if (flags.contains(VulnerabilityFlag.PHYSICAL_DISABILITY) || flags.contains(VulnerabilityFlag.LEARNING_DISABILITY)) {
            triggers.add(RoutingTrigger.DISABILITY);
        }
        if (flags.contains(VulnerabilityFlag.COMMUNITY_CARE_ASSESSMENT_PENDING)) {
            triggers.add(RoutingTrigger.COMMUNITY_CARE_ASSESSMENT_PENDING);
        }
        if (flags.contains(VulnerabilityFlag.LANGUAGE_OR_COMMUNICATION)) {
            triggers.add(RoutingTrigger.LANGUAGE_OR_COMMUNICATION_NEED);
        }
        return triggers;
    }
}
