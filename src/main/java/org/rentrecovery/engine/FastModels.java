package org.rentrecovery.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.kie.dmn.api.core.DMNModel;

/**
 * The fast path of a model set: each model compiled once into a {@link FastModel} when it is entirely within the
 * FEEL subset the policy tables use, and evaluated by it; a model outside the subset, and any evaluation the fast
 * path declines, is made by kie-dmn, so the answer is kie-dmn's whichever way it is made. kie-dmn stays the
 * reference for uploads ({@link ModelSetCompiler}'s checks) and for every model it alone can evaluate.
 * {@code -Drentrecovery.dmn.fast=false} evaluates everything with kie-dmn (for comparison and measurement).
 */
final class FastModels {
    private static final System.Logger LOG = System.getLogger(FastModels.class.getName());

    static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty("rentrecovery.dmn.fast"));

    /** Evaluations the fast path handed to kie-dmn (inputs its type check would refuse, a UNIQUE overlap, ...). */
    static final LongAdder DECLINED = new LongAdder();

    /**
     * Set by the equivalence test only: every fast evaluation is also made by kie-dmn and both are handed here.
     * Null in the service.
     */
    static volatile CrossCheck crossCheck;

    /** The equivalence test's comparison of one fast evaluation with kie-dmn's on the same inputs. */
    @FunctionalInterface
    interface CrossCheck {
        void compare(DMNModel model, Evaluation fast, Evaluation byKie);
    }

    /** Builds the evaluation from the fast path's answers and the rows it selected. */
    @FunctionalInterface
    interface Answered {
        Evaluation evaluation(String model, Map<String, Object> answers, List<RuleTrace.SelectedRow> selected);
    }

    private FastModels() {
    }

    static Map<String, FastModel> compile(Map<String, DMNModel> models) {
        Map<String, FastModel> fast = new HashMap<>();
        models.forEach((name, model) -> {
            FastModel compiled = FastModel.compile(model);
            if (compiled != null) {
                fast.put(name, compiled);
            }
        });
        return Map.copyOf(fast);
    }

    /** The fast evaluation, or null: no fast form of the model, the fast path off, or declined on these inputs. */
    static Evaluation evaluate(FastModel model, Record inputs, String modelName, Answered answered) {
        if (model == null || !ENABLED) {
            return null;
        }
        List<RuleTrace.SelectedRow> selected = RuleTrace.newRowList();
        Map<String, Object> answers;
        try {
            answers = model.evaluate(RecordMapping.values(inputs), selected);
        } catch (FeelOps.Declined e) {
            DECLINED.increment();
            return null;
        } catch (RuntimeException e) {
            // A fault of the fast path itself must cost a live request nothing: kie-dmn answers it.
            DECLINED.increment();
            LOG.log(System.Logger.Level.WARNING, "the fast evaluator failed on model " + modelName + "; kie-dmn answers", e);
            return null;
        }
        return answered.evaluation(modelName, answers, selected);
    }
}
