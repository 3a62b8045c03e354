package org.rentrecovery.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.Definitions;

/**
 * The model set's own rules, beyond what DMN validates: every row has a stable name, unique in its
 * table; every table name is unique in the set (rows are cited {@code Table/row}) ({@link TableRules});
 * every model the service evaluates is there with the inputs it supplies and the outputs it reads
 * ({@link ContractChecks}); and every output cell naming something (a step, an action, a team, a
 * tenancy type, a reason) names it within its column's vocabulary (the item definition's
 * {@code allowedValues}) and within what the code can act on ({@link ReadableOutputs}).
 */
final class ModelSetChecks {
    private final Map<String, DMNModel> models;
    private final ModelLocator locator;

    ModelSetChecks(Map<String, DMNModel> models, Map<Definitions, String> fileOf) {
        this.models = models;
        this.locator = new ModelLocator(fileOf);
    }

    /** Where each model came from, for the checks that run after these. */
    ModelLocator locator() {
        return locator;
    }

    /**
     * @param landlordActions the landlord's own action codes the set declares ({@link LandlordActionCatalogue}), which a
     *                        column naming steps may hold beside the service's actions
     */
    List<ModelProblem> run(List<ModelContract<?>> contracts, Set<String> landlordActions) {
        List<ModelProblem> problems = new ArrayList<>();
        new TableRules(models, locator, problems).run();
        ContractChecks contractChecks = new ContractChecks(models, locator, problems, landlordActions);
        contracts.forEach(contractChecks::check);
        return problems;
    }

    /** Every decision table with its rows' names (run after the checks, so every row has one). */
    List<ModelSet.Table> tables() {
        List<ModelSet.Table> tables = new ArrayList<>();
        for (ModelLocator.OwnTable own : locator.ownTables(models)) {
            DecisionTable table = own.table();
            List<String> names = new ArrayList<>();
            int column = TableColumns.rowNameColumn(table);
            for (int i = 0; i < table.getRule().size(); i++) {
                String name = column < 0 ? null : TableColumns.rowName(table.getRule().get(i), column);
                names.add(name == null ? "row-" + (i + 1) : name);
            }
            tables.add(new ModelSet.Table(own.model().getName(), locator.file(own.model()), own.decision().getName(),
                    List.copyOf(names)));
        }
        tables.sort(Comparator.comparing((ModelSet.Table t) -> String.valueOf(t.file())).thenComparing(ModelSet.Table::name));
        return tables;
    }
}
