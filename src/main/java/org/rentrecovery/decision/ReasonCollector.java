package org.rentrecovery.decision;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.rentrecovery.contract.Reason;
import org.rentrecovery.guards.GuardBlock;
import org.rentrecovery.guards.GuardFindings;

/**
 * The reasons of one answer, in the order the decision reached them: each policy row, legal rule and
 * derived fact once, cited by name ({@code Table/row-name}, {@code LegalGuards: rule name}, {@code facts#...}).
 */
final class ReasonCollector {
    /** How a legal guard's rule is cited among the reasons and as a prerequisite's row. */
    static final String GUARD_RULE_PREFIX = "LegalGuards: ";

    private final List<Reason> reasons = new ArrayList<>();
    private final Set<String> rules = new HashSet<>();

    ReasonCollector add(String rule, String text, String reference) {
        return add(new Reason(rule, text, reference));
    }

    ReasonCollector add(Reason reason) {
        reasons.add(reason);
        rules.add(reason.rule());
        return this;
    }

    ReasonCollector addAll(List<Reason> more) {
        more.forEach(this::add);
        return this;
    }

    /** One reason per guard rule that fired, worded as its first block (rules fire once per step); none for null findings. */
    ReasonCollector addGuards(GuardFindings findings) {
        if (findings == null) {
            return this;
        }
        for (GuardBlock block : findings.allBlocks()) {
            if (!rules.contains(GUARD_RULE_PREFIX + block.rule())) {
                add(GUARD_RULE_PREFIX + block.rule(), block.text(), block.reference());
            }
        }
        return this;
    }

    List<Reason> list() {
        return reasons;
    }
}
