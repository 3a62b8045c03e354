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

    /** Every contract the service declares. */
    static List<ModelContract<?>> all() {
        List<ModelContract<?>> all = new ArrayList<>();
        ServiceLoader.load(ModelContracts.class, ModelContracts.class.getClassLoader())
                .forEach(provider -> all.addAll(provider.contracts()));
        return List.copyOf(all);
    }
}
