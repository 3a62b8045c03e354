package org.rentrecovery.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.api.io.Resource;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.internal.io.ResourceFactory;

/**
 * Everything that could fire: every row of every decision table in every DMN model under
 * {@code decision-tables/} and every rule of every DRL file under {@code rules/}, discovered on the
 * classpath (the copies the build packages), so a new model or rule unit joins coverage unlisted.
 */
public record RuleUniverse(List<Table> tables, List<RuleFile> ruleFiles) {
    static final String TABLES_FOLDER = "decision-tables";
    static final String RULES_FOLDER = "rules";
    /** A file every build packages, to find the application's own jar when folders cannot be listed. */
    private static final String ANCHOR = "law/legal-parameters.json";

    public record Table(String model, String file, String name, int rows) {
    }

    public record RuleFile(String file, String rulePackage, String unit, List<String> rules) {
    }

    public static RuleUniverse discover() {
        ClassLoader loader = RuleUniverse.class.getClassLoader();
        List<String> dmnFiles = list(loader, TABLES_FOLDER, ".dmn");
        List<String> drlFiles = list(loader, RULES_FOLDER, ".drl");
        return new RuleUniverse(tables(loader, dmnFiles), ruleFiles(loader, drlFiles));
    }

    private static List<Table> tables(ClassLoader loader, List<String> files) {
        if (files.isEmpty()) {
            return List.of();
        }
        List<Resource> resources = files.stream().map(f -> ResourceFactory.newClassPathResource(f, loader)).toList();
        DMNRuntime runtime = DMNRuntimeBuilder.fromDefaults().buildConfiguration().fromResources(resources)
                .getOrElseThrow(RuntimeException::new);
        List<Table> tables = new ArrayList<>();
        for (DMNModel model : runtime.getModels()) {
            String file = model.getResource() == null ? model.getName() : model.getResource().getSourcePath();
            for (DecisionNode decision : model.getDecisions()) {
                if (decision.getDecision().getExpression() instanceof DecisionTable table) {
                    tables.add(new Table(model.getName(), file, decision.getName(), table.getRule().size()));
                }
            }
        }
        tables.sort(java.util.Comparator.comparing(Table::file).thenComparing(Table::name));
        return tables;
    }

    private static List<RuleFile> ruleFiles(ClassLoader loader, List<String> files) {
        List<RuleFile> result = new ArrayList<>();
        for (String file : files) {
            try (InputStream in = loader.getResourceAsStream(file);
                    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                DrlParser parser = new DrlParser();
                PackageDescr drl = parser.parse(false, reader);
                if (parser.hasErrors() || drl == null) {
                    throw new IllegalStateException(file + " does not parse: " + parser.getErrors());
                }
                result.add(new RuleFile(file, drl.getName(), drl.getUnit() == null ? null : drl.getUnit().getTarget(),
                        drl.getRules().stream().map(RuleDescr::getName).toList()));
            } catch (IOException | DroolsParserException e) {
                throw new IllegalStateException(file + " cannot be read: " + e.getMessage(), e);
            }
        }
        return result;
    }

    /** Resource paths under a classpath folder with an ending, from folders on disk or the application's jar. */
    static List<String> list(ClassLoader loader, String folder, String ending) {
        Set<String> found = new TreeSet<>();
        try {
            List<URL> roots = new ArrayList<>(Collections.list(loader.getResources(folder)));
            URL anchor = loader.getResource(ANCHOR);
            if (anchor != null && "jar".equals(anchor.getProtocol())) {
                roots.add(anchor);
            }
            for (URL url : roots) {
                if ("file".equals(url.getProtocol())) {
                    Path dir = Path.of(url.toURI());
                    try (Stream<Path> walk = Files.walk(dir)) {
                        walk.filter(p -> p.toString().endsWith(ending)).forEach(p ->
                                found.add(folder + "/" + dir.relativize(p).toString().replace('\\', '/')));
                    }
                } else if ("jar".equals(url.getProtocol())) {
                    JarURLConnection connection = (JarURLConnection) url.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                            String name = entries.nextElement().getName();
                            if (name.startsWith(folder + "/") && name.endsWith(ending)) {
                                found.add(name);
                            }
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list " + folder + " on the classpath: " + e.getMessage(), e);
        }
        return List.copyOf(found);
    }
}
