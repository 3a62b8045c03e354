package org.rentrecovery.engine;

import java.util.ArrayList;
import java.util.List;

import org.rentrecovery.engine.FeelLexer.OutsideSubset;

/**
 * The FEEL functions the policy tables call: {@code not count sum min max concatenate}, and {@code date} and
 * {@code duration} of a literal (worked out when the model is compiled). Any other function, or another form of
 * these ({@code date} of a name, named arguments), is {@link OutsideSubset}.
 */
final class FeelFunctions {

    private FeelFunctions() {
    }

    static FeelNode call(String name, List<FeelNode> args) {
        return switch (name) {
            case "not" -> one(name, args, value -> !FeelOps.bool(value));
            case "count" -> one(name, args, FeelOps::count);
            case "sum" -> one(name, args, FeelOps::sum);
            case "min" -> extreme(args, true);
            case "max" -> extreme(args, false);
            case "concatenate" -> scope -> FeelOps.concatenate(values(args, scope));
            case "date" -> new FeelNode.Constant(FeelParser.date(literalText(name, args)));
            case "duration" -> new FeelNode.Constant(FeelParser.duration(literalText(name, args)));
            default -> throw new OutsideSubset("function " + name);
        };
    }

    private static FeelNode one(String name, List<FeelNode> args, java.util.function.Function<Object, Object> function) {
        if (args.size() != 1) {
            throw new OutsideSubset(name + " with " + args.size() + " arguments");
        }
        FeelNode arg = args.get(0);
        return scope -> function.apply(arg.eval(scope));
    }

    /** {@code min(list)} or {@code min(a, b, ...)}, as FEEL allows both. */
    private static FeelNode extreme(List<FeelNode> args, boolean least) {
        if (args.isEmpty()) {
            throw new OutsideSubset("min or max of nothing");
        }
        if (args.size() == 1) {
            FeelNode list = args.get(0);
            return scope -> FeelOps.extreme(FeelOps.list(list.eval(scope), least ? "min" : "max"), least);
        }
        return scope -> FeelOps.extreme(values(args, scope), least);
    }

    private static List<Object> values(List<FeelNode> args, java.util.Map<String, Object> scope) {
        List<Object> values = new ArrayList<>(args.size());
        for (FeelNode arg : args) {
            values.add(arg.eval(scope));
        }
        return values;
    }

    private static String literalText(String name, List<FeelNode> args) {
        if (args.size() != 1 || !(FeelNode.constantOrNull(args.get(0)) instanceof String text)) {
            throw new OutsideSubset(name + " of anything but one literal");
        }
        return text;
    }
}
