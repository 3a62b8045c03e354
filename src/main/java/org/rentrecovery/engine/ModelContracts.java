package org.rentrecovery.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The contracts of one capability's models. Implementations are listed in
 * {@code META-INF/services/org.rentrecovery.engine.ModelContracts}, so the engine checks every
 * capability's models without depending on the capabilities (no package cycle).
 */
public interface ModelContracts {

    List<ModelContract<?>> contracts();

    /**
     * Every contract the service declares. Each output must say what the capability answers when a
     * table gives no usable answer on a live case, so no table edit can turn a request into an error.
     */
    static List<ModelContract<?>> all() {
        List<ModelContract<?>> all = new ArrayList<>();
        ServiceLoader.load(ModelContracts.class, ModelContracts.class.getClassLoader())
                .forEach(provider -> all.addAll(provider.contracts()));
        for (ModelContract<?> contract : all) {
            for (ModelContract.Output<?> output : contract.outputs()) {
                if (output.safe() == null) {
                    throw new IllegalStateException(contract.model() + "/" + output.decision()
                            + " declares no safe answer (Output.orSafe): a table failing on a live case would be an error");
                }
            }
        }
        return List.copyOf(all);
    }
}
