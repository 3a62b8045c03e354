package org.rentrecovery.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.kie.api.io.Resource;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.internal.io.ResourceFactory;

/**
 * The benchmarks' yardstick (docs/benchmarks.md, bench/trivial.dmn): one two-input decision table evaluated by a
 * bare KIE DMN runtime, with none of the model set's checks, tracing or typed contracts, so that a load run can
 * measure a full decision against the cheapest one the same stack can serve. It is here because this package is
 * the only one that loads and runs DMN.
 */
public final class YardstickTable {
    private final DMNRuntime runtime;
    private final DMNModel model;

    public YardstickTable(Path file) {
        try {
            Resource resource = ResourceFactory.newByteArrayResource(Files.readAllBytes(file));
            resource.setSourcePath(file.getFileName().toString());
            this.runtime = DMNRuntimeBuilder.fromDefaults().buildConfiguration().fromResources(List.of(resource))
                    .getOrElseThrow(IllegalStateException::new);
            this.model = runtime.getModels().get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("The yardstick model " + file + " could not be read", e);
        }
    }

    /** The table's {@code Step} for the two inputs. */
    public String step(BigDecimal weeksInArrears, boolean vulnerable) {
        DMNContext context = runtime.newContext();
        context.set("weeksInArrears", weeksInArrears);
        context.set("vulnerable", vulnerable);
        return (String) runtime.evaluateAll(model, context).getDecisionResultByName("Step").getResult();
    }
}
