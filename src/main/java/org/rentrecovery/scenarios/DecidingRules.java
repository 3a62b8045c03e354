package org.rentrecovery.scenarios;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** What a scenario's answer was decided by, as the report marks it among the reasons. */
final class DecidingRules {
    private DecidingRules() {
    }

    /**
     * The rows and rules that decided the headline of the target's answer, as its reasons name them:
     * for next-action and escalation the ladder rung (EscalationStep) and the row behind the next
     * action (EscalationActions, FormerTenantStep) and any guard rule blocking a proposed action; for
     * routing the routing row; for write-off the reason and approver rows; for benefit-cap the
     * priority band row.
     */
    static List<String> of(String target, JsonNode response) {
        LinkedHashSet<String> rules = new LinkedHashSet<>();
        String nextAction = response.path("nextAction").path("type").asText("");
        Set<String> blockingRules = new HashSet<>();
        response.path("proposedActionCheck").path("blockedBy").forEach(block -> blockingRules.add(block.path("rule").asText("")));
        for (JsonNode reason : response.path("reasons")) {
            String rule = reason.path("rule").asText("");
            String text = reason.path("text").asText("");
            // A guard's reason is cited "LegalGuards: <rule name>"; its block names the rule alone.
            boolean blocksTheProposal = rule.contains(": ") && blockingRules.contains(rule.substring(rule.indexOf(": ") + 2));
            boolean decides = blocksTheProposal || switch (target) {
                case "routing" -> false; // routing.rule below
                case "write-off" -> rule.startsWith("WriteOffReasons/") || rule.startsWith("WriteOffApprover/");
                case "benefit-cap" -> rule.startsWith("PriorityBand/");
                default -> rule.startsWith("EscalationStep/") || ((rule.startsWith("EscalationActions/")
                        || rule.startsWith("FormerTenantStep/")) && !nextAction.isEmpty() && text.startsWith(nextAction + ":"));
            };
            if (decides) {
                rules.add(rule);
            }
        }
        if (target.equals("routing") && response.path("routing").hasNonNull("rule")) {
            rules.add(response.path("routing").get("rule").asText());
        }
        return List.copyOf(rules);
    }
}
