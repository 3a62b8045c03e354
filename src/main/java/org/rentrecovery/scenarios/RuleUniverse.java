package org.rentrecovery.scenarios;

import java.util.List;

import org.rentrecovery.engine.ClasspathFiles;
import org.rentrecovery.engine.PolicyModels;
import org.rentrecovery.engine.RuleFileNames;
import org.rentrecovery.engine.RuleFileNames.RuleFile;

/**
 * Everything that could fire: every row of every decision table in every DMN model under
 * {@code decision-tables/} and every rule of every DRL file under {@code rules/}, discovered on the
 * classpath (the copies the build packages), so a new model or rule unit joins coverage unlisted.
 */
public record RuleUniverse(List<Table> tables, List<RuleFile> ruleFiles) {
    static final String TABLES_FOLDER = "decision-tables";
    static final String RULES_FOLDER = "rules";

    /** A decision table and its rows' stable names, in table order. */
    public record Table(String model, String file, String name, List<String> rowNames) {
        public int rows() {
            return rowNames.size();
        }
    }

    public static RuleUniverse discover() {
        ClassLoader loader = RuleUniverse.class.getClassLoader();
        List<String> dmnFiles = list(loader, TABLES_FOLDER, ".dmn");
        List<String> drlFiles = list(loader, RULES_FOLDER, ".drl");
        return new RuleUniverse(tables(loader, dmnFiles), RuleFileNames.read(loader, drlFiles));
    }

    /** The tables of the packaged policy (the engine's classpath seed, compiled and checked once). */
    private static List<Table> tables(ClassLoader loader, List<String> files) {
        if (files.isEmpty()) {
            return List.of();
        }
        return PolicyModels.classpathSeed("dev").tables().stream()
                .map(t -> new Table(t.model(), TABLES_FOLDER + "/" + t.file(), t.name(), t.rowNames())).toList();
    }

    /** Resource paths under a classpath folder with an ending, from folders on disk or the application's jar. */
    static List<String> list(ClassLoader loader, String folder, String ending) {
        return ClasspathFiles.list(loader, folder, ending);
    }
}
