package org.rentrecovery.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.api.core.ast.ItemDefNode;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.rentrecovery.contract.ActionCategory;
import org.rentrecovery.contract.ActionType;

/**
 * A landlord's own action codes, declared in the policy set: the vocabulary's {@code tLadderAction}
 * lists every step a ladder may recommend (the service's actions and the landlord's codes), and the
 * {@code ActionCategory} table of the {@code LandlordActions} model (decision-tables/landlord-actions.dmn)
 * gives each code of the landlord's its category, one row per code. Read from the files, never
 * evaluated. A code without a category, a category the law does not know, or a code declared but
 * not in the list is refused when the set is built or uploaded, so no request can meet an unknown step.
 */
final class LandlordActionCatalogue {
    static final String MODEL = "LandlordActions";
    static final String TABLE = "ActionCategory";
    static final String LADDER_ACTION_TYPE = "tLadderAction";
    static final String CATEGORY_TYPE = "tActionCategory";
    private static final Pattern ONE_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Map<String, DMNModel> models;
    private final ModelLocator locator;
    private final List<ModelProblem> problems = new ArrayList<>();
    private final Map<String, ActionCategory> categories = new LinkedHashMap<>();

    LandlordActionCatalogue(Map<String, DMNModel> models, ModelLocator locator) {
        this.models = models;
        this.locator = locator;
    }

    /** The landlord's codes and their categories (empty when the set declares none). */
    Map<String, ActionCategory> categories() {
        return Map.copyOf(categories);
    }

    List<ModelProblem> run() {
        Set<String> serviceActions = new TreeSet<>();
        Arrays.stream(ActionType.values()).filter(t -> t != ActionType.LANDLORD_ACTION).forEach(t -> serviceActions.add(t.name()));
        checkCategoryList();
        DMNModel catalogue = models.get(MODEL);
        if (catalogue != null) {
            readTable(catalogue, serviceActions);
        }
        OwnedType ladderActions = ownedType(LADDER_ACTION_TYPE);
        if (ladderActions != null) {
            List<String> listed = VocabularyTypes.allowedNames(ladderActions.item().getType());
            DMNModel owner = ladderActions.owner();
            for (String name : listed) {
                if (!serviceActions.contains(name) && !categories.containsKey(name)) {
                    problems.add(new ModelProblem(locator.file(owner), owner.getName(), null, null, null, LADDER_ACTION_TYPE,
                            ModelProblem.Severity.ERROR, "ACTION_WITHOUT_CATEGORY", "'" + name + "' is a step a ladder may recommend and"
                                    + " neither one of the service's actions nor declared with its category in " + MODEL + "/" + TABLE
                                    + " (decision-tables/landlord-actions.dmn): add a row giving its category " + Arrays.toString(ActionCategory.values())));
                }
            }
            categories.keySet().stream().filter(code -> !listed.contains(code)).forEach(code -> problems.add(new ModelProblem(
                    locator.file(catalogue), MODEL, TABLE, null, null, "action", ModelProblem.Severity.WARNING, "ACTION_NOT_LISTED",
                    "'" + code + "' has a category but is not in the vocabulary's " + LADDER_ACTION_TYPE + ", so no table can recommend it")));
        }
        return problems;
    }

    /** The vocabulary's categories are the law's, no more. */
    private void checkCategoryList() {
        OwnedType categoryType = ownedType(CATEGORY_TYPE);
        if (categoryType == null) {
            return;
        }
        DMNModel owner = categoryType.owner();
        for (String name : VocabularyTypes.allowedNames(categoryType.item().getType())) {
            if (Arrays.stream(ActionCategory.values()).noneMatch(c -> c.name().equals(name))) {
                problems.add(new ModelProblem(locator.file(owner), owner.getName(), null, null, null, CATEGORY_TYPE,
                        ModelProblem.Severity.ERROR, "UNKNOWN_CATEGORY", "'" + name + "' is not a category the legal guards know: "
                                + Arrays.toString(ActionCategory.values())));
            }
        }
    }

    private void readTable(DMNModel catalogue, Set<String> serviceActions) {
        DecisionNode decision = catalogue.getDecisionByName(TABLE);
        if (decision == null || !(decision.getDecision().getExpression() instanceof DecisionTable table)
                || table.getInput().size() != 1 || table.getOutput().size() != 1) {
            problems.add(new ModelProblem(locator.file(catalogue), MODEL, TABLE, null, null, null, ModelProblem.Severity.ERROR,
                    "CATALOGUE_SHAPE", MODEL + " needs a decision table " + TABLE + " with one input (the code) and one output (its category)"));
            return;
        }
        for (int r = 0; r < table.getRule().size(); r++) {
            DecisionRule rule = table.getRule().get(r);
            String rowName = TableColumns.rowName(table, r + 1);
            String code = literal(rule.getInputEntry().get(0).getText());
            String category = literal(rule.getOutputEntry().get(0).getText());
            if (code == null) {
                error(catalogue, rowName, r + 1, "action", "CATALOGUE_CELL", "each row names one code, as a quoted name (e.g. \"UPDATE_COURT_OUTCOME\")");
                continue;
            }
            if (serviceActions.contains(code)) {
                error(catalogue, rowName, r + 1, "action", "SERVICE_ACTION_RECATEGORISED", "'" + code + "' is one of the service's own"
                        + " actions; its category is the law's (" + ActionType.valueOf(code).category() + "), not the policy's");
                continue;
            }
            ActionCategory known = category == null ? null
                    : Arrays.stream(ActionCategory.values()).filter(c -> c.name().equals(category)).findFirst().orElse(null);
            if (known == null) {
                error(catalogue, rowName, r + 1, "category", "UNKNOWN_CATEGORY", "'" + code + "' needs one of the categories the legal"
                        + " guards know: " + Arrays.toString(ActionCategory.values()));
            } else if (categories.putIfAbsent(code, known) != null) {
                error(catalogue, rowName, r + 1, "action", "CATALOGUE_DUPLICATE", "'" + code + "' is declared twice");
            }
        }
    }

    private static String literal(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = ONE_LITERAL.matcher(text.trim());
        return m.matches() ? m.group(1) : null;
    }

    /** A type of the vocabulary with the model that defines it (an importing model sees it too, and is not its owner). */
    private record OwnedType(DMNModel owner, ItemDefNode item) {
    }

    private OwnedType ownedType(String name) {
        for (DMNModel model : models.values()) {
            for (ItemDefNode item : model.getItemDefinitions()) {
                if (item.getName().equals(name) && item.getModelNamespace().equals(model.getNamespace())) {
                    return new OwnedType(model, item);
                }
            }
        }
        return null;
    }

    private void error(DMNModel model, String rowName, int row, String column, String code, String message) {
        problems.add(new ModelProblem(locator.file(model), model.getName(), TABLE, rowName, row, column,
                ModelProblem.Severity.ERROR, code, message));
    }
}
