package org.rentrecovery.decision;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
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
 * Tags hold vocabulary names only (never a case's data), so their number stays bounded. That is also why each
 * counter is looked up in the registry once per combination of tags and then kept: the registry's look-up sorts the
 * tags and builds a meter id on every call, a cost of every decision for the same few counters.
 */
@ApplicationScoped
public class DecisionMeters {
    /** The endpoint tag of portfolio runs (they have no HTTP path of their own per case). */
    public static final String PORTFOLIO_RUN = "portfolio-run";

    private final MeterRegistry registry;
    private final Map<Tagged, Counter> counters = new ConcurrentHashMap<>();

    /** A counter's name and its tags' values, in the order {@link #counter} names them. */
    private record Tagged(String name, String first, String second, String third) {
    }

    @Inject
    public DecisionMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(String endpoint, DecisionAnswer answer) {
        String policy = answer.policy() == null ? "unknown" : answer.policy().version();
        // The answers that carry a next action: the full decision and the escalation part alone; the
        // others (routing, write-off, benefit cap) count under their endpoint with next_action NONE.
        Decision.NextAction next = answer instanceof Decision d ? d.nextAction()
                : answer instanceof EscalationDecision e ? e.nextAction() : null;
        List<Decision.BlockedAction> blockedActions = answer instanceof Decision d ? d.blockedActions()
                : answer instanceof EscalationDecision e ? e.blockedActions() : null;
        Decision.ProposedActionCheck check = answer instanceof Decision d ? d.proposedActionCheck()
                : answer instanceof EscalationDecision e ? e.proposedActionCheck() : null;
        String nextAction = next == null || next.type() == null ? "NONE" : next.type().name();
        counter(new Tagged("rentrecovery.decisions", endpoint, nextAction, policy)).increment();
        if (blockedActions != null) {
            for (Decision.BlockedAction blocked : blockedActions) {
                for (Decision.Block block : blocked.blockedBy()) {
                    counter(new Tagged("rentrecovery.decisions.blocked", endpoint, block.guard(), null)).increment();
                }
            }
        }
        if (check != null) {
            countCheck(endpoint, check);
        }
    }

    private void countCheck(String endpoint, Decision.ProposedActionCheck check) {
        counter(new Tagged("rentrecovery.decisions.checked", endpoint, check.type() == null ? "NONE" : check.type().name(),
                Boolean.toString(check.permitted()))).increment();
        if (check.blockedBy() != null) {
            for (Decision.Block block : check.blockedBy()) {
                counter(new Tagged("rentrecovery.decisions.check.blocked", endpoint, block.guard(), null)).increment();
            }
        }
    }

    private Counter counter(Tagged tagged) {
        Counter known = counters.get(tagged);
        return known != null ? known : counters.computeIfAbsent(tagged, this::register);
    }

    /** The registry's counter for these tags: the same names and values as asked for before they were kept. */
    private Counter register(Tagged t) {
        return switch (t.name()) {
            case "rentrecovery.decisions" -> registry.counter(t.name(), "endpoint", t.first(), "next_action", t.second(),
                    "policy_version", t.third());
            case "rentrecovery.decisions.checked" -> registry.counter(t.name(), "endpoint", t.first(), "action", t.second(),
                    "permitted", t.third());
            default -> registry.counter(t.name(), "endpoint", t.first(), "guard", t.second());
        };
    }
}
