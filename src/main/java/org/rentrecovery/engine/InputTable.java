package org.rentrecovery.engine;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The inputs a model may use, as a Markdown table (name, DMN type, meaning, example), read from a
 * contract's input record and its {@link InputDoc} annotations, so the documentation cannot drift
 * from what the service supplies.
 */
public final class InputTable {

    /** One documented input. */
    public record Row(String name, String type, String meaning, String example) {
    }

    private InputTable() {
    }

    public static List<Row> rows(ModelContract<?> contract) {
        List<Row> rows = new ArrayList<>();
        for (RecordComponent component : InputComponents.of(contract.inputs())) {
            InputDoc doc = component.getAnnotation(InputDoc.class);
            rows.add(new Row(component.getName(), dmnType(component.getType()),
                    doc == null ? "" : doc.value(), doc == null ? "" : doc.example()));
        }
        return rows;
    }

    /** The FEEL type a table sees the Java value as. */
    public static String dmnType(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == LocalDate.class) {
            return "date";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == BigDecimal.class) {
            return "number";
        }
        if (java.util.List.class.isAssignableFrom(type)) {
            return "list";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "context";
        }
        return "string";
    }

    public static String markdown(ModelContract<?> contract) {
        StringBuilder out = new StringBuilder();
        out.append("| Input | Type | Meaning | Example |\n|---|---|---|---|\n");
        for (Row row : rows(contract)) {
            out.append("| `").append(row.name()).append("` | ").append(row.type()).append(" | ")
                    .append(row.meaning().replace("|", "\\|")).append(" | `").append(row.example().replace("|", "\\|"))
                    .append("` |\n");
        }
        return out.toString();
    }
}
