package org.rentrecovery.policy;

import java.util.List;
import java.util.Map;

/**
 * Turns a version's model files into what decisions evaluate, or refuses them with every problem
 * located ({@link PolicyInputException}, 400). The only place the policy package meets the engine.
 */
interface PolicyCompiler {

    /** @return the compiled set, opaque to the store and the lifecycle */
    Object compile(String versionId, Map<String, byte[]> models);

    /** The warnings a set that compiled was accepted with (none where the compiler keeps none). */
    default List<ModelProblem> warnings(Object compiled) {
        return List.of();
    }
}
