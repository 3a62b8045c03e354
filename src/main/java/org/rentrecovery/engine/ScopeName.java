package org.rentrecovery.engine;

import java.util.Map;

/**
 * One name read from the fast evaluator's scopes. In an {@link InputScope} the name's place (its slot among the
 * record's inputs, or none) is found on the first read and kept for every later scope of the same record class, so
 * a read is an index instead of hashing the name twice ({@code get}, then {@code containsKey} for a null): the
 * models' names were read that way some hundred times a decision. Any other map is read as a map.
 */
final class ScopeName {
    /** What {@link #read} answers for a name the scope does not hold (a null value is held). */
    static final Object MISSING = new Object();

    private final String name;
    /** The place in the last record class read; immutable, so a thread that sees another's finds it whole or finds it again. */
    private InputScope.Place place;
    /** Where the name was last found among the names put that are not inputs (a decision's answer); checked on every read. */
    private InputScope.OtherPlace other;

    ScopeName(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** The value under the name, null when it holds null, {@link #MISSING} when the scope has no such name. */
    Object read(Map<String, Object> scope) {
        if (scope instanceof InputScope inputs) {
            InputScope.Place known = place;
            if (known == null || !inputs.laidOutAs(known)) {
                known = inputs.place(name);
                place = known;
            }
            if (known.slot() >= 0) {
                return inputs.input(known);
            }
            InputScope.OtherPlace found = inputs.other(name, other);
            if (found == null) {
                return MISSING;
            }
            other = found;
            return inputs.otherValue(found);
        }
        Object value = scope.get(name);
        return value == null && !scope.containsKey(name) ? MISSING : value;
    }
}
