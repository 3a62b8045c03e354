package org.rentrecovery.engine;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the service needs from one DMN model: its name, the input record it supplies (one record
 * component per input data node, same name) and the decisions it reads, each with the record (or
 * value type) it reads them as. A capability declares its contract once, as a constant, and lists
 * it with a {@link ModelContracts} provider; {@link ModelSetCompiler} refuses a model set that does
 * not honour every contract, so a missing input or an output the code cannot read fails the upload,
 * not a live decision.
 *
 * @param <I> the input record
 */
public final class ModelContract<I extends Record> {

    /** How a decision's result is read. */
    public enum Shape {
        /** A single-hit decision table (FIRST, UNIQUE, ANY, PRIORITY): one row, or none. */
        ROW,
        /** A COLLECT decision table without aggregation: every row that matched, in table order. */
        ROWS,
        /** Any other decision (a literal expression, a context): its value. */
        VALUE
    }

    /**
     * One decision the service reads.
     *
     * @param <T>  a record whose components are the table's output columns, or, for a table with a
     *             single output or a VALUE decision, the value type (String, Boolean, BigDecimal, Integer, an enum)
     * @param safe what the capability answers when the decision gives no usable answer on a live case
     *             ({@link TableFailure}): the rows it reads in its place (one for ROW and VALUE). Null only
     *             in a contract under construction: {@link ModelContracts#all()} refuses an output without one.
     */
    public record Output<T>(String decision, Class<T> type, Shape shape, Function<TableFailure, List<T>> safe) {
        public Output {
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(shape, "shape");
        }

        public static <T> Output<T> row(String table, Class<T> type) {
            return new Output<>(table, type, Shape.ROW, null);
        }

        public static <T> Output<T> rows(String table, Class<T> type) {
            return new Output<>(table, type, Shape.ROWS, null);
        }

        public static <T> Output<T> value(String decision, Class<T> type) {
            return new Output<>(decision, type, Shape.VALUE, null);
        }

        /** This output, answering {@code safeValue} (one row, or the value) when the decision fails on a case. */
        public Output<T> orSafe(Function<TableFailure, T> safeValue) {
            Objects.requireNonNull(safeValue, "safeValue");
            return new Output<>(decision, type, shape, failure -> java.util.Collections.singletonList(safeValue.apply(failure)));
        }

        /** This COLLECT output, answering {@code safeRows} (possibly none) when the decision fails on a case. */
        public Output<T> orSafeRows(Function<TableFailure, List<T>> safeRows) {
            Objects.requireNonNull(safeRows, "safeRows");
            return new Output<>(decision, type, shape, safeRows);
        }
    }

    /**
     * An input the service fills with another model's output: routing's {@code escalationStep} is
     * the ladder's {@code EscalationStep.step}. The compiler checks that every name the producing
     * column can output is one this model's tables take.
     */
    public record Feed(String input, String model, String decision, String column) {
        public Feed {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(decision, "decision");
        }
    }

    private final String model;
    private final Class<I> inputs;
    private final List<Output<?>> outputs;
    private final List<Feed> feeds;

    private ModelContract(String model, Class<I> inputs, List<Output<?>> outputs, List<Feed> feeds) {
        this.model = Objects.requireNonNull(model, "model");
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.outputs = List.copyOf(outputs);
        this.feeds = List.copyOf(feeds);
    }

    public static <I extends Record> ModelContract<I> of(String model, Class<I> inputs, Output<?>... outputs) {
        return new ModelContract<>(model, inputs, List.of(outputs), List.of());
    }

    /** This contract, with one input declared as fed by another model's output column. */
    public ModelContract<I> fedBy(String input, String producerModel, String producerDecision, String producerColumn) {
        List<Feed> more = new java.util.ArrayList<>(feeds);
        more.add(new Feed(input, producerModel, producerDecision, producerColumn));
        return new ModelContract<>(model, inputs, outputs, more);
    }

    public List<Feed> feeds() {
        return feeds;
    }

    /** The DMN model's name (its {@code definitions name}). */
    public String model() {
        return model;
    }

    public Class<I> inputs() {
        return inputs;
    }

    public List<Output<?>> outputs() {
        return outputs;
    }

    @Override
    public String toString() {
        return "ModelContract[" + model + "]";
    }
}
