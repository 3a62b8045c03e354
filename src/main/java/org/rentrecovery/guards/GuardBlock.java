package org.rentrecovery.guards;

import java.time.LocalDate;
import java.util.List;

import org.rentrecovery.contract.ActionType;

/**
 * Why the law stops a step: the guard, the rule that fired, a sentence an officer can read to a
 * tenant, the legal reference, until when (null = until the facts change) and any step that must
 * come first.
 */
public record GuardBlock(String guard, String rule, String text, String reference, LocalDate until,
        List<ActionType> requires) {
}
