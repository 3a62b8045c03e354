package org.rentrecovery.routing;

import java.util.List;

import org.rentrecovery.analysis.RoutingTrigger;

/**
 * The routing of one case: the team, the trigger that decided it (first in {@code triggers}), every
 * trigger present, whether escalation is paused, what the officer should do, and the table rows
 * that decided it ({@code ComplexCaseTrigger#n}, {@code RoutingTeam#n}).
 */
public record RoutingOutcome(Team team, RoutingTrigger decidingTrigger, List<RoutingTrigger> triggers,
        boolean escalationPaused, String instruction, String reference, String triggerRow, String teamRow) {
}
