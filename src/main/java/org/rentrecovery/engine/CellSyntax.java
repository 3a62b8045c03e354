package org.rentrecovery.engine;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.antlr.v4.runtime.tree.ParseTree;
import org.kie.dmn.core.ast.DMNBaseNode;
import org.kie.dmn.feel.lang.Type;
import org.kie.dmn.feel.lang.ast.BaseNode;
import org.kie.dmn.feel.lang.impl.FEELEventListenersManager;
import org.kie.dmn.feel.lang.types.BuiltInType;
import org.kie.dmn.feel.lang.types.DefaultBuiltinFEELTypeRegistry;
import org.kie.dmn.feel.parser.feel11.ASTBuilderVisitor;
import org.kie.dmn.feel.parser.feel11.FEELParser;
import org.kie.dmn.feel.parser.feel11.FEEL_1_1Parser;
import org.kie.dmn.model.api.UnaryTests;

/**
 * Each input cell's syntax tree as kie-dmn's FEEL parser reads it, parsed once for every check that reads it
 * ({@link CellNames}, then {@link CellValues}): the ANTLR parse is most of those checks' time, and every start compiles
 * and checks the packaged models. A cell is parsed with the names its decision can see ({@link #scope}), as kie-dmn
 * compiles it, so a name with spaces reads as one.
 */
final class CellSyntax {
    /**
     * A cell read: its tree; none for a blank cell, '-', or text the parser throws on (nothing to check), nor when the
     * parser reported a syntax error ({@code syntaxError}: kie-dmn compiles such a cell without an error, and it never
     * matches).
     */
    record Parsed(BaseNode root, boolean syntaxError) {
        static final Parsed NOTHING = new Parsed(null, false);
    }

    private final Map<UnaryTests, Parsed> byCell = new IdentityHashMap<>();

    /** The cell's tree, parsed on first use with its decision's names in scope. */
    Parsed of(UnaryTests cell, Set<String> scope) {
        return byCell.computeIfAbsent(cell, c -> parse(c.getText(), scope));
    }

    /** The names a decision's cells can use: the inputs and decisions it requires, as a cell may write them. */
    static Set<String> scope(DMNBaseNode decision) {
        Set<String> scope = new LinkedHashSet<>(decision.getDependencies().keySet());
        decision.getDependencies().values().forEach(required -> scope.add(required.getName()));
        return scope;
    }

    static Parsed parse(String text, Set<String> scope) {
        if (text == null || text.isBlank() || text.trim().equals("-")) {
            return Parsed.NOTHING;
        }
        try {
            BaseNode root = syntaxTree(text, scope);
            return root == null ? new Parsed(null, true) : new Parsed(root, false);
        } catch (RuntimeException e) {
            return Parsed.NOTHING;
        }
    }

    /** The cell's unary tests, the names in scope known as such; null when the parser reports a syntax error. */
    private static BaseNode syntaxTree(String text, Set<String> scope) {
        Map<String, Type> types = new HashMap<>();
        scope.forEach(name -> types.put(name, BuiltInType.UNKNOWN));
        FEEL_1_1Parser parser = FEELParser.parse(new FEELEventListenersManager(), text, types, Map.of(), List.of(), List.of(),
                DefaultBuiltinFEELTypeRegistry.INSTANCE);
        ParseTree tree = parser.unaryTestsRoot();
        if (parser.getNumberOfSyntaxErrors() > 0) {
            return null;
        }
        return new ASTBuilderVisitor(types, DefaultBuiltinFEELTypeRegistry.INSTANCE).visit(tree);
    }
}
