package org.rentrecovery.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kie.api.io.Resource;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.api.core.event.AfterEvaluateDecisionTableEvent;
import org.kie.dmn.api.core.event.DMNRuntimeEventListener;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.internal.io.ResourceFactory;

/**
 * One DMN model from the classpath, evaluated with the Drools DMN engine, reporting which table
 * rows matched (from the engine's decision-table events, not guessed from outputs). Used the same
 * way in production and in plain JUnit tests.
 */
public final class DecisionTableRuntime {

    /** A matched decision-table row: table name and 1-based row number. */
    public record RowHit(String table, int row) {
        public String id() {
            return table + "#" + row;
        }
    }

    public record Evaluation(DMNResult result, List<RowHit> rowsMatched) {
    }

    private static final ThreadLocal<List<RowHit>> CURRENT = new ThreadLocal<>();

    private final DMNRuntime runtime;
    private final DMNModel model;

    public DecisionTableRuntime(String classpathLocation, String namespace, String modelName) {
        ClassLoader loader = DecisionTableRuntime.class.getClassLoader();
        if (loader.getResource(classpathLocation) == null) {
            throw new IllegalStateException(classpathLocation + " is not on the classpath");
        }
        Resource resource = ResourceFactory.newClassPathResource(classpathLocation, loader);
        this.runtime = DMNRuntimeBuilder.fromDefaults().buildConfiguration()
                .fromResources(List.of(resource)).getOrElseThrow(RuntimeException::new);
        this.model = runtime.getModel(namespace, modelName);
        if (model == null) {
            throw new IllegalStateException(modelName + " not found in " + classpathLocation);
        }
        if (model.hasErrors()) {
            throw new IllegalStateException(modelName + " has errors: " + model.getMessages(DMNMessage.Severity.ERROR));
        }
        runtime.addListener(RuleTrace.dmnListener()); // rule coverage for scenario runs
        runtime.addListener(new DMNRuntimeEventListener() {
            @Override
            public void afterEvaluateDecisionTable(AfterEvaluateDecisionTableEvent event) {
                List<RowHit> hits = CURRENT.get();
                if (hits != null) {
                    for (Integer row : event.getSelected()) {
                        hits.add(new RowHit(event.getDecisionTableName(), row));
                    }
                }
            }
        });
    }

    public DMNModel model() {
        return model;
    }

    public Evaluation evaluate(Map<String, Object> inputs) {
        DMNContext context = runtime.newContext();
        inputs.forEach(context::set);
        List<RowHit> hits = new ArrayList<>();
        CURRENT.set(hits);
        try {
            DMNResult result = runtime.evaluateAll(model, context);
            if (result.hasErrors()) {
                throw new IllegalStateException(model.getName() + " evaluation failed: "
                        + result.getMessages(DMNMessage.Severity.ERROR));
            }
            return new Evaluation(result, hits);
        } finally {
            CURRENT.remove();
        }
    }
}
