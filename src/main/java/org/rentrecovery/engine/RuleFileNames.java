package org.rentrecovery.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * The rules a DRL file declares, by name, read from the file without compiling it: what rule coverage counts
 * against. Here because this package is the only one that reads DRL.
 */
public final class RuleFileNames {
    private RuleFileNames() {
    }

    /** One DRL file: its package, the rule unit its rules belong to (null if none) and its rules' names in file order. */
    public record RuleFile(String file, String rulePackage, String unit, List<String> rules) {
    }

    /** @param files resource paths of DRL files on the loader's classpath */
    public static List<RuleFile> read(ClassLoader loader, List<String> files) {
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
}
