package org.rentrecovery.web;

import java.math.BigDecimal;
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
import org.rentrecovery.engine.YardstickTable;

/**
 * The yardstick of docs/benchmarks.md: one two-input KIE DMN decision table ({@link YardstickTable}) behind an HTTP endpoint, so a load
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

    private final YardstickTable table;

    @Inject
    public BenchTrivialResource(@ConfigProperty(name = "rentrecovery.bench.trivial-dmn") Optional<java.nio.file.Path> file) {
        this.table = file.map(YardstickTable::new).orElse(null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Answer evaluate(Inputs inputs) {
        if (table == null) {
            throw new NotFoundException();
        }
        return new Answer(table.step(inputs.weeksInArrears(), inputs.vulnerable()));
    }
}
