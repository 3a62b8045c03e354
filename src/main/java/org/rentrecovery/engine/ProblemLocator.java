package org.rentrecovery.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNMessageType;
import org.kie.dmn.model.api.DMNModelInstrumentedBase;
import org.kie.dmn.model.api.Decision;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.Definitions;
import org.kie.dmn.model.api.InputClause;
import org.kie.dmn.model.api.LiteralExpression;
import org.kie.dmn.model.api.OutputClause;
import org.kie.dmn.model.api.UnaryTests;
import org.kie.dmn.validation.dtanalysis.DMNDTAnalysisMessage;

/** Turns the KIE validator's and compiler's messages into {@link ModelProblem}s located by model, table, row and column. */
final class ProblemLocator {
    private final Map<Definitions, String> fileOf;

    ProblemLocator(Map<Definitions, String> fileOf) {
        this.fileOf = fileOf;
    }

    static ModelProblem unlocated(String file, DMNMessage message) {
        // The validator reads the file from a string and so calls it "null".
        String text = message.getText().replace("DMN file: null", "DMN file " + file);
        return new ModelProblem(file, null, null, null, null, null, severity(message), code(message), text);
    }

    ModelProblem locate(DMNMessage message) {
        Place place = new Place();
        place.climbFrom(message.getSourceReference(), fileOf);
        place.findRow(message);
        String text = message.getText();
        if (message.getMessageType() == DMNMessageType.DMNDI_UNKNOWN_REF) {
            text += " (the diagram only: decisions are not affected; remove that shape or edge, or save the model again in the"
                    + " workbench's editor, which redraws it)";
        }
        if (message instanceof DMNDTAnalysisMessage analysis && analysis.getRules() != null && analysis.getRules().size() > 1) {
            text += " (rows " + rowList(place.decisionTable, analysis.getRules()) + ")";
        }
        return new ModelProblem(place.file, place.model, place.table, place.rowName, place.row, place.column, severity(message),
                code(message), text);
    }

    /** Where a message points, as far as it is known; each part null until found. */
    private static final class Place {
        String file;
        String model;
        String table;
        Integer row;
        String rowName;
        String column;
        DecisionTable decisionTable;
        DecisionRule decisionRule;

        /** Climbs from the node the message names up to its model, noting the column, rule, table and model passed. */
        void climbFrom(Object reference, Map<Definitions, String> fileOf) {
            DMNModelInstrumentedBase child = null;
            for (DMNModelInstrumentedBase node = reference instanceof DMNModelInstrumentedBase base ? base : null; node != null;
                    child = node, node = node.getParent()) {
                if (node instanceof InputClause input && column == null) {
                    column = TableColumns.inputName(input);
                } else if (node instanceof OutputClause output && column == null) {
                    column = output.getName();
                } else if (node instanceof DecisionRule rule) {
                    decisionRule = rule;
                    if (child instanceof UnaryTests entry && column == null) {
                        column = "input " + (rule.getInputEntry().indexOf(entry) + 1);
                    } else if (child instanceof LiteralExpression entry && column == null) {
                        column = "output " + (rule.getOutputEntry().indexOf(entry) + 1);
                    }
                } else if (node instanceof DecisionTable dt) {
                    decisionTable = dt;
                } else if (node instanceof Decision decision && table == null) {
                    table = decision.getName();
                } else if (node instanceof Definitions definitions) {
                    model = definitions.getName();
                    file = fileOf.get(definitions);
                }
            }
        }

        /** The row: the rule climbed through, else the analyser's first row, else one named in the text; then its name and column. */
        void findRow(DMNMessage message) {
            if (decisionTable == null) {
                return;
            }
            if (decisionRule != null) {
                row = decisionTable.getRule().indexOf(decisionRule) + 1;
                column = TableColumns.resolve(decisionTable, decisionRule, column);
            }
            if (column == null) {
                column = columnNamedIn(decisionTable, decisionRule, message.getText());
            }
            if (row == null && message instanceof DMNDTAnalysisMessage analysis && analysis.getRules() != null
                    && !analysis.getRules().isEmpty()) {
                row = analysis.getRules().iterator().next();
            }
            if (row == null) {
                row = ruleNumberIn(message.getText());
            }
            if (row != null && row >= 1) {
                rowName = TableColumns.rowName(decisionTable, row);
                if (column == null && row <= decisionTable.getRule().size()) {
                    column = outputColumnHolding(decisionTable, decisionTable.getRule().get(row - 1), message.getText());
                }
            }
        }
    }

    private static final java.util.regex.Pattern INPUT_CLAUSE = java.util.regex.Pattern.compile("\\binput clause #(\\d+)");
    private static final java.util.regex.Pattern FEEL_TEXT = java.util.regex.Pattern.compile("FEEL expression '(.*?)' on decision table");

    /**
     * The column of a compiler message that points at a whole table or row: "input clause #14" names an input column by
     * number; "Error compiling FEEL expression '>= 7 days' ... rule #20" names the cell by its text, found in the row.
     */
    private static String columnNamedIn(DecisionTable table, DecisionRule rule, String text) {
        java.util.regex.Matcher clause = INPUT_CLAUSE.matcher(text == null ? "" : text);
        if (clause.find()) {
            int index = Integer.parseInt(clause.group(1)) - 1;
            return index >= 0 && index < table.getInput().size() ? TableColumns.inputName(table.getInput().get(index)) : null;
        }
        java.util.regex.Matcher feel = FEEL_TEXT.matcher(text == null ? "" : text);
        if (rule == null || !feel.find()) {
            return null;
        }
        for (int c = 0; c < rule.getInputEntry().size() && c < table.getInput().size(); c++) {
            if (sameText(feel.group(1), rule.getInputEntry().get(c).getText())) {
                return TableColumns.inputName(table.getInput().get(c));
            }
        }
        for (int c = 0; c < rule.getOutputEntry().size() && c < table.getOutput().size(); c++) {
            if (sameText(feel.group(1), rule.getOutputEntry().get(c).getText())) {
                return table.getOutput().get(c).getName();
            }
        }
        return null;
    }

    private static boolean sameText(String quoted, String cell) {
        return cell != null && quoted.trim().equals(cell.trim());
    }

    private static final java.util.regex.Pattern RULE_NUMBER = java.util.regex.Pattern.compile("\\bRule (\\d+) defines output");

    /** Some analyser messages carry their row only in the text ("Rule 12 defines output ..."). */
    private static Integer ruleNumberIn(String text) {
        java.util.regex.Matcher m = RULE_NUMBER.matcher(text == null ? "" : text);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static final java.util.regex.Pattern OUTSIDE_ALLOWED = java.util.regex.Pattern.compile("defines output '(.*?)' which is outside");

    /** The analyser names the value outside a column's allowed values, not the column: find the cell holding it. */
    private static String outputColumnHolding(DecisionTable table, DecisionRule rule, String text) {
        java.util.regex.Matcher m = OUTSIDE_ALLOWED.matcher(text == null ? "" : text);
        if (!m.find()) {
            return null;
        }
        String literal = "\"" + m.group(1) + "\"";
        for (int c = 0; c < rule.getOutputEntry().size() && c < table.getOutput().size(); c++) {
            String cell = rule.getOutputEntry().get(c).getText();
            if (cell != null && cell.trim().equals(literal)) {
                return table.getOutput().get(c).getName();
            }
        }
        return null;
    }

    private static String rowList(DecisionTable table, Collection<Integer> rows) {
        List<String> out = new ArrayList<>();
        for (Integer row : rows) {
            String name = table == null ? null : TableColumns.rowName(table, row);
            out.add(name == null ? String.valueOf(row) : row + " " + name);
        }
        return String.join(", ", out);
    }

    private static ModelProblem.Severity severity(DMNMessage message) {
        // A diagram shape or edge left pointing at an element that is gone changes nothing a decision reads: a table
        // edited by hand (a column or requirement removed) should not be refused for its drawing.
        if (message.getMessageType() == DMNMessageType.DMNDI_UNKNOWN_REF) {
            return ModelProblem.Severity.WARNING;
        }
        return message.getSeverity() == DMNMessage.Severity.ERROR ? ModelProblem.Severity.ERROR : ModelProblem.Severity.WARNING;
    }

    private static String code(DMNMessage message) {
        return message.getMessageType() == null ? "DMN" : message.getMessageType().name();
    }
}
