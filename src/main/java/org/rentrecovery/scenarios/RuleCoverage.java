package org.rentrecovery.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rentrecovery.engine.RuleFileNames;
import org.rentrecovery.engine.RuleTrace.Hit;
import org.rentrecovery.engine.RuleTrace.Kind;

/**
 * Which decision-table rows and which rules a run reached, against every row of every DMN table
 * under decision-tables/ and every rule of every DRL file under rules/ ({@link RuleUniverse}).
 * Hits come from the engines' events, never from names in the answers.
 */
public record RuleCoverage(
        @Schema(description = "Share of all table rows and rules reached, 0 to 100, rounded down to one decimal") double percent,
        @Schema(description = "Table rows and rules reached") int covered,
        @Schema(description = "Table rows and rules there are, under decision-tables/ and rules/") int total,
        @Schema(description = "Each decision table, with the rows never selected") List<TableCoverage> tables,
        @Schema(description = "Each DRL file, with the rules never fired") List<RuleFileCoverage> rules,
        @Schema(description = "Rows or rules that fired but are not in the files read (a model uploaded to a draft, say)") List<String> firedOutsideTheUniverse) {

    public record TableCoverage(
            @Schema(description = "The DMN model's name, e.g. EscalationLadder") String model,
            @Schema(description = "Its file under decision-tables/") String file,
            @Schema(description = "The decision table's name") String table,
            @Schema(description = "Rows the table has") int rows,
            @Schema(description = "Rows some scenario selected") int covered,
            @Schema(description = "Share of rows selected, 0 to 100") double percent,
            @Schema(description = "The rows no scenario selected, by stable name (else number)") List<String> neverSelectedRows) {
    }

    public record RuleFileCoverage(
            @Schema(description = "The DRL file under rules/") String file,
            @Schema(description = "Its package") String rulePackage,
            @Schema(description = "The rule unit it belongs to") String unit,
            @Schema(description = "Rules the file has") int rules,
            @Schema(description = "Rules some scenario fired") int covered,
            @Schema(description = "Share of rules fired, 0 to 100") double percent,
            @Schema(description = "The rules no scenario fired, by name") List<String> neverFiredRules) {
    }

    public static RuleCoverage of(RuleUniverse universe, Set<Hit> hits) {
        List<TableCoverage> tables = new ArrayList<>();
        int covered = 0;
        int total = 0;
        Set<Hit> explained = new java.util.HashSet<>();
        for (RuleUniverse.Table table : universe.tables()) {
            List<String> missed = missed(table.rowNames(), row -> Hit.tableRow(table.name(), row), hits, explained);
            int reached = table.rows() - missed.size();
            tables.add(new TableCoverage(table.model(), table.file(), table.name(), table.rows(), reached,
                    percent(reached, table.rows()), missed));
            covered += reached;
            total += table.rows();
        }
        List<RuleFileCoverage> rules = new ArrayList<>();
        for (RuleFileNames.RuleFile file : universe.ruleFiles()) {
            List<String> missed = missed(file.rules(), rule -> Hit.rule(file.rulePackage(), rule), hits, explained);
            int reached = file.rules().size() - missed.size();
            rules.add(new RuleFileCoverage(file.file(), file.rulePackage(), file.unit(), file.rules().size(), reached,
                    percent(reached, file.rules().size()), missed));
            covered += reached;
            total += file.rules().size();
        }
        Set<String> outside = new TreeSet<>();
        for (Hit hit : hits) {
            if (!explained.contains(hit)) {
                outside.add(hit.kind() == Kind.TABLE_ROW ? hit.id() : hit.container() + ": " + hit.name());
            }
        }
        return new RuleCoverage(percent(covered, total), covered, total, tables, rules, List.copyOf(outside));
    }

    /** The names no hit reached, in order; the hits that did reach one are added to {@code explained}. */
    private static List<String> missed(List<String> names, java.util.function.Function<String, Hit> hitOf, Set<Hit> hits,
            Set<Hit> explained) {
        List<String> missed = new ArrayList<>();
        for (String name : names) {
            Hit hit = hitOf.apply(name);
            if (hits.contains(hit)) {
                explained.add(hit);
            } else {
                missed.add(name);
            }
        }
        return missed;
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 100.0 : Math.floor(part * 1000.0 / whole) / 10.0;
    }

    public String summaryText() {
        StringBuilder out = new StringBuilder();
        out.append("Rule coverage: ").append(percent).append("% (").append(covered).append(" of ").append(total)
                .append(" table rows and rules)\n");
        for (TableCoverage t : tables) {
            out.append("  table ").append(t.model()).append('/').append(t.table()).append(": ").append(t.covered()).append('/')
                    .append(t.rows()).append(" rows (").append(t.percent()).append("%)");
            if (!t.neverSelectedRows().isEmpty()) {
                out.append(" never selected: rows ").append(t.neverSelectedRows());
            }
            out.append('\n');
        }
        for (RuleFileCoverage r : rules) {
            out.append("  rules ").append(r.file()).append(": ").append(r.covered()).append('/').append(r.rules())
                    .append(" (").append(r.percent()).append("%)");
            if (!r.neverFiredRules().isEmpty()) {
                out.append(" never fired: ").append(r.neverFiredRules());
            }
            out.append('\n');
        }
        return out.toString();
    }
}
