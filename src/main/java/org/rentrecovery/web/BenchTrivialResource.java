package org.rentrecovery.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.kie.api.io.Resource;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.internal.io.ResourceFactory;

/**
 * The yardstick of docs/benchmarks.md: one two-input KIE DMN decision table behind an HTTP endpoint, so a load
 * run can measure next-action against the cheapest decision the same stack can serve, in the same run. Off (404)
 * unless the service starts with {@code rentrecovery.bench.trivial-dmn} naming the model file (bench/trivial.dmn).
 */
@Path("/bench/trivial")
@Singleton
public class BenchTrivialResource {

    /** The request: the table's two inputs. */
    public record Inputs(BigDecimal weeksInArrears, boolean vulnerable) {
    }

    /** The answer: the table's output. */
    public record Answer(String step) {
    }

    private final DMNRuntime runtime;
    private final DMNModel model;

    @Inject
    public BenchTrivialResource(@ConfigProperty(name = "rentrecovery.bench.trivial-dmn") Optional<java.nio.file.Path> file) {
        if (file.isEmpty()) {
            this.runtime = null;
            this.model = null;
            return;
        }
        try {
            Resource resource = ResourceFactory.newByteArrayResource(Files.readAllBytes(file.get()));
            resource.setSourcePath(file.get().getFileName().toString());
            this.runtime = DMNRuntimeBuilder.fromDefaults().buildConfiguration().fromResources(List.of(resource))
                    .getOrElseThrow(IllegalStateException::new);
            this.model = runtime.getModels().get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("The yardstick model " + file.get() + " could not be read", e);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Answer evaluate(Inputs inputs) {
        if (runtime == null) {
            throw new NotFoundException();
        }
        DMNContext context = runtime.newContext();
        context.set("weeksInArrears", inputs.weeksInArrears());
        context.set("vulnerable", inputs.vulnerable());
        return new Answer((String) runtime.evaluateAll(model, context).getDecisionResultByName("Step").getResult());
    }
}
