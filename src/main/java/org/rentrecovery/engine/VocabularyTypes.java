package org.rentrecovery.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.namespace.QName;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNType;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.core.impl.DMNModelImpl;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.OutputClause;
import org.rentrecovery.contract.ActionType;

/**
 * Reading the vocabulary's item definitions as the checks need them: the names a type allows, the type
 * of one table column, and the names the code can act on for an enum it reads.
 */
final class VocabularyTypes {
    static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private VocabularyTypes() {
    }

    /** A string with no list of names: a column that can hold any word, so a typo in it is never caught. */
    static boolean isPlainString(DMNType type) {
        return "string".equals(type.getName()) && !constrained(type);
    }

    static boolean constrained(DMNType type) {
        return type.getAllowedValues() != null && !type.getAllowedValues().isEmpty();
    }

    /** The names an allowedValues list holds, read from its unary tests ({@code "A","B"}). */
    static List<String> allowedNames(DMNType type) {
        List<String> names = new ArrayList<>();
        if (!constrained(type)) {
            return names;
        }
        for (var test : type.getAllowedValues()) {
            Matcher m = STRING_LITERAL.matcher(test.toString());
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The built-in FEEL type a declared type rests on (string, number, boolean, date), or null for Any or a structure. */
    static String baseTypeName(DMNType type) {
        for (DMNType t = type; t != null; t = t.getBaseType()) {
            String name = t.getName();
            if (t.getBaseType() == null) {
                return switch (name == null ? "" : name) {
                    case "string", "number", "boolean", "date" -> name;
                    default -> null;
                };
            }
        }
        return null;
    }

    /** The DMN type of one output column: the decision's type, its collection's element type, or a component of it. */
    static DMNType columnType(DecisionNode decision, DecisionTable table, OutputClause output) {
        DMNType type = decision.getResultType();
        if (type == null) {
            return null;
        }
        if (type.isCollection() && type.getFields().isEmpty() && type.getBaseType() != null) {
            type = type.getBaseType();
        }
        if (table.getOutput().size() == 1 && !type.isComposite()) {
            return type;
        }
        return output.getName() == null ? null : type.getFields().get(output.getName());
    }

    /**
     * The type a column's {@code typeRef} names, as the compiled model's type registry holds it: {@code tX} in the model's
     * own namespace, {@code vocabulary.tX} in the namespace of the model imported as {@code vocabulary}. Null when the
     * reference is absent or names no type the registry knows (the compiler has reported that already).
     */
    static DMNType declaredType(DMNModel model, QName typeRef) {
        if (typeRef == null || !(model instanceof DMNModelImpl compiled)) {
            return null;
        }
        String name = typeRef.getLocalPart();
        String namespace = typeRef.getNamespaceURI() == null || typeRef.getNamespaceURI().isEmpty() ? model.getNamespace()
                : typeRef.getNamespaceURI();
        int dot = name.indexOf('.');
        QName imported = dot > 0 ? compiled.getImportNamespaceAndNameforAlias(name.substring(0, dot)) : null;
        if (imported != null) {
            namespace = imported.getNamespaceURI();
            name = name.substring(dot + 1);
        }
        return compiled.getTypeRegistry().resolveType(namespace, name);
    }

    /** The names of an enum the code reads from a table. */
    static Set<String> enumNames(Class<?> enumType) {
        Set<String> names = new TreeSet<>();
        for (Object constant : enumType.getEnumConstants()) {
            names.add(((Enum<?>) constant).name());
        }
        // An answer-only name: a table names a landlord's step by its own code, never as LANDLORD_ACTION.
        names.remove(ActionType.LANDLORD_ACTION.name());
        return names;
    }
}
