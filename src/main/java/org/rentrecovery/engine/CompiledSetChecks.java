package org.rentrecovery.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.model.api.Definitions;

/**
 * What {@link ModelSetCompiler} checks once a set is compiled that needs nothing but the compiled models: the compiler's
 * own errors, stage 4 (the landlord's action codes, {@link ModelSetChecks}) and stage 5 but its coverage check (which
 * reads stage 2's gaps). Each stage's problems are kept apart, so the compiler can add them in its order and stop after
 * the first stage with an error, as if it had run them itself; a stage after one with an error is not run.
 * <p>Being a function of the compiled models alone, they can run on the early compilation's thread
 * ({@link ModelSetCompiler#beginCompiling}) while Quarkus boots, instead of on the path to ready after the analysis.
 */
final class CompiledSetChecks {
    final Map<String, DMNModel> models = new LinkedHashMap<>();
    final List<ModelProblem> compilerErrors = new ArrayList<>();
    final List<ModelProblem> setRules = new ArrayList<>();
    final List<ModelProblem> acrossTables = new ArrayList<>();
    final List<ModelContract<?>> contracts = ModelContracts.all();
    final ModelSetChecks checks;
    final LandlordActionCatalogue catalogue;

    CompiledSetChecks(DMNRuntime runtime) {
        Map<Definitions, String> fileOfCompiled = new IdentityHashMap<>();
        modelsByName(runtime, fileOfCompiled);
        if (hasErrors(compilerErrors)) {
            checks = null;
            catalogue = null;
            return;
        }
        checks = new ModelSetChecks(models, fileOfCompiled);
        catalogue = new LandlordActionCatalogue(models, checks.locator());
        // 4. The set's own rules; first the landlord's own action codes, each with a category the law knows, as
        // the contracts' checks accept them in a column naming steps.
        setRules.addAll(catalogue.run());
        setRules.addAll(checks.run(contracts, catalogue.categories().keySet()));
        if (hasErrors(setRules)) {
            return;
        }
        // 5. Across tables, but coverage.
        acrossTables.addAll(new CrossTableChecks(models, checks.locator()).run(contracts));
        CellSyntax cells = new CellSyntax(); // each cell parsed once, for both
        acrossTables.addAll(new CellNames(models, checks.locator(), cells).run());
        acrossTables.addAll(new CellValues(models, checks.locator(), cells, contracts).run());
        acrossTables.addAll(new OutputLiteralTypes(models, checks.locator()).run(contracts));
    }

    /**
     * What refuses the set before the decision-table analysis runs: the set's rules, then (when they pass) the checks
     * across tables and, as coverage without the analysis' findings can only find a table with no rows, that; or the
     * compiler's errors, located as stage 2 would locate them (a cell FEEL cannot read, an unknown name).
     */
    List<ModelProblem> beforeAnalysis() {
        if (!compilerErrors.isEmpty() || checks == null) {
            return List.copyOf(compilerErrors);
        }
        List<ModelProblem> found = new ArrayList<>(setRules);
        if (!hasErrors(setRules)) {
            found.addAll(acrossTables);
            found.addAll(new TableCoverage(models, checks.locator(), contracts).run(List.of()));
        }
        return found;
    }

    /** The compiled models by name, each file recorded in {@code fileOfCompiled}, with the compiler's errors located. */
    private void modelsByName(DMNRuntime runtime, Map<Definitions, String> fileOfCompiled) {
        for (DMNModel model : runtime.getModels()) {
            String file = model.getResource() == null ? null : model.getResource().getSourcePath();
            fileOfCompiled.put(model.getDefinitions(), file);
            if (models.put(model.getName(), model) != null) {
                compilerErrors.add(new ModelProblem(file, model.getName(), null, null, null, null, ModelProblem.Severity.ERROR,
                        "DUPLICATE_MODEL_NAME", "two files define a model named " + model.getName()));
            }
        }
        ProblemLocator compiledLocator = new ProblemLocator(fileOfCompiled);
        for (DMNModel model : models.values()) {
            model.getMessages(DMNMessage.Severity.ERROR).forEach(m -> compilerErrors.add(compiledLocator.locate(m)));
        }
    }

    private static boolean hasErrors(List<ModelProblem> problems) {
        return problems.stream().anyMatch(p -> p.severity() == ModelProblem.Severity.ERROR);
    }
}
