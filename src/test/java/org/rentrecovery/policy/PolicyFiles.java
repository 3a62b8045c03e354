package org.rentrecovery.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.rentrecovery.support.DmnXml;

/** The repository's decision tables, and edited copies of them, for policy-version tests. */
public final class PolicyFiles {
    public static final String LADDER = "escalation/escalation-ladder.dmn";

    private PolicyFiles() {
    }

    /** Every .dmn under decision-tables/ (examples excluded), by relative path. */
    public static Map<String, byte[]> seed() {
        Path root = Path.of("decision-tables");
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".dmn")).toList()) {
                String path = root.relativize(file).toString().replace('\\', '/');
                if (!path.startsWith("examples/")) {
                    files.put(path, Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    public static String ladder() {
        return new String(seed().get(LADDER), StandardCharsets.UTF_8);
    }

    /** The ladder with Letter 1 sent from 2 weeks' arrears instead of 1. */
    public static byte[] ladderWithLetter1AtTwoWeeks() {
        return DmnXml.of(ladder()).change("EscalationStep-row-17-weeksInArrears", ">= 1", ">= 2").bytes();
    }
}
