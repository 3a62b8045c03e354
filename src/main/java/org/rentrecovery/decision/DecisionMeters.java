package org.rentrecovery.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;

import org.rentrecovery.contract.DecisionAnswer;

/**
 * Counts answered decisions for the metrics (GET /q/metrics), wherever they were asked for: one
 * request, a line of a batch or a case of a portfolio run. Called once the decision is recorded and
 * released, so the counts match the audit.
 *
 * <ul>
 * <li>{@code rentrecovery_decisions_total{endpoint, next_action, policy_version}}: the rate per
 * version shows which policy is answering;</li>
 * <li>{@code rentrecovery_decisions_blocked_total{endpoint, guard}}: steps the law held back;</li>
 * <li>{@code rentrecovery_decisions_checked_total{endpoint, action, permitted}} and
 * {@code rentrecovery_decisions_check_blocked_total{endpoint, guard}}: proposed steps checked, and
 * the guards that refused them.</li>
 * </ul>
 * Tags hold vocabulary names only (never a case's data), so their number stays bounded.
 */
@ApplicationScoped
public class DecisionMeters {
    /** The endpoint tag of portfolio runs (they have no HTTP path of their own per case). */
    public static final String PORTFOLIO_RUN = "portfolio-run";

    private final MeterRegistry registry;

    @Inject
    public DecisionMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(String endpoint, DecisionAnswer answer) {
        String policy = answer.policy() == null ? "unknown" : answer.policy().version();
        if (!(answer instanceof Decision decision)) {
            registry.counter("rentrecovery.decisions", "endpoint", endpoint, "next_action", "NONE", "policy_version", policy)
                    .increment();
            return;
        }
        String nextAction = decision.nextAction() == null || decision.nextAction().type() == null ? "NONE"
                : decision.nextAction().type().name();
        registry.counter("rentrecovery.decisions", "endpoint", endpoint, "next_action", nextAction, "policy_version", policy)
                .increment();
        if (decision.blockedActions() != null) {
            for (Decision.BlockedAction blocked : decision.blockedActions()) {
                for (Decision.Block block : blocked.blockedBy()) {
                    registry.counter("rentrecovery.decisions.blocked", "endpoint", endpoint, "guard", block.guard()).increment();
                }
            }
        }
        Decision.ProposedActionCheck check = decision.proposedActionCheck();
        if (check != null) {
            registry.counter("rentrecovery.decisions.checked", "endpoint", endpoint,
                    "action", check.type() == null ? "NONE" : check.type().name(), "permitted", Boolean.toString(check.permitted()))
                    .increment();
            if (check.blockedBy() != null) {
                for (Decision.Block block : check.blockedBy()) {
                    registry.counter("rentrecovery.decisions.check.blocked", "endpoint", endpoint, "guard", block.guard())
                            .increment();
                }
            }
        }
    }
}
