package org.rentrecovery.engine;

import java.util.regex.Pattern;

/**
 * Stable row names. Every row of every decision table carries a name in the table's {@code rule}
 * annotation column (kebab-case, unique in its table); answers, coverage and suites cite a row as
 * {@code Table/row-name}, so inserting or moving a row changes no citation.
 */
public final class RowNames {
    /** The annotation column holding each row's name. */
    public static final String COLUMN = "rule";
    static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private RowNames() {
    }

    /** {@code EscalationStep/serve-notice}. */
    public static String cite(String table, String rowName) {
        return table + "/" + rowName;
    }

    static boolean valid(String name) {
        return name != null && KEBAB_CASE.matcher(name).matches();
    }
}
