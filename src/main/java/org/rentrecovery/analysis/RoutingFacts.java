package org.rentrecovery.analysis;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.Vocabulary.VulnerabilityFlag;

/**
 * The complex-case triggers present in a case, derived from the facts alone (no policy): the
 * routing table decides what they mean for the team, the legal guards what they mean for enforcement.
 */
public final class RoutingFacts {
    /** The trigger each vulnerability flag raises by itself; a flag not here raises none. */
    private static final Map<VulnerabilityFlag, RoutingTrigger> FLAG_TRIGGERS = new EnumMap<>(Map.ofEntries(
            Map.entry(VulnerabilityFlag.UNDER_18, RoutingTrigger.UNDER_18),
            Map.entry(VulnerabilityFlag.SAFEGUARDING_CHILD, RoutingTrigger.SAFEGUARDING),
            Map.entry(VulnerabilityFlag.SAFEGUARDING_ADULT, RoutingTrigger.SAFEGUARDING),
            Map.entry(VulnerabilityFlag.DOMESTIC_ABUSE, RoutingTrigger.DOMESTIC_ABUSE),
            Map.entry(VulnerabilityFlag.TERMINAL_ILLNESS, RoutingTrigger.TERMINAL_ILLNESS),
            Map.entry(VulnerabilityFlag.HOSPITAL_OR_CARE, RoutingTrigger.HOSPITAL_OR_CARE_HOME),
            Map.entry(VulnerabilityFlag.MENTAL_HEALTH, RoutingTrigger.MENTAL_HEALTH),
            Map.entry(VulnerabilityFlag.MENTAL_HEALTH_CRISIS, RoutingTrigger.MENTAL_HEALTH),
            Map.entry(VulnerabilityFlag.PHYSICAL_DISABILITY, RoutingTrigger.DISABILITY),
            Map.entry(VulnerabilityFlag.LEARNING_DISABILITY, RoutingTrigger.DISABILITY),
            Map.entry(VulnerabilityFlag.COMMUNITY_CARE_ASSESSMENT_PENDING, RoutingTrigger.COMMUNITY_CARE_ASSESSMENT_PENDING),
            Map.entry(VulnerabilityFlag.LANGUAGE_OR_COMMUNICATION, RoutingTrigger.LANGUAGE_OR_COMMUNICATION_NEED)));

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
        // A tenant under 18 by age, as well as by the flag (a tenant who has died is no longer one).
        if (tenants.stream().anyMatch(t -> t.ageYears() != null && t.ageYears() < 18 && !Boolean.TRUE.equals(t.deceased()))) {
            triggers.add(RoutingTrigger.UNDER_18);
        }
        if (vulnerability != null && Boolean.TRUE.equals(vulnerability.capacityConcern())) {
            triggers.add(RoutingTrigger.CAPACITY_CONCERN);
        }
        for (VulnerabilityFlag flag : flags) {
            RoutingTrigger raised = FLAG_TRIGGERS.get(flag);
            if (raised != null) {
                triggers.add(raised);
            }
        }
        return triggers;
    }
}
