import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes (or checks) the models of an example policy set that are the seed's own: an example folder
 * is flat (the KIE editor only offers models beside a model as includes), so it holds copies of the
 * seed's models, and a copy edited by hand drifts from the seed it documents. The folder's
 * {@code seed-copies.properties} names each copy and its seed model; a copy is the seed's file with
 * its vocabulary import pointing beside it, and for the vocabulary the example may keep lists of its
 * own ({@code FILE.own=tA,tB}) or add names to the seed's ({@code FILE.add.tX="A","B"}).
 *
 * <pre>
 * java decision-tables/examples/SeedCopies.java decision-tables/examples/northfield           # write the copies
 * java decision-tables/examples/SeedCopies.java --check decision-tables/examples/northfield   # exit 1 naming drifted copies
 * </pre>
 * Runs from the repository root with the JDK alone (single-file source launch); SeedCopiesTest runs the check.
 */
public class SeedCopies {
    private static final Path SEED = Path.of("decision-tables");
    private static final Pattern VOCABULARY_IMPORT = Pattern.compile("locationURI=\"(?:\\.\\./)+vocabulary\\.dmn\"");

    public static void main(String[] args) throws IOException {
        boolean check = args.length > 0 && args[0].equals("--check");
        List<String> folders = new ArrayList<>(List.of(args).subList(check ? 1 : 0, args.length));
        if (folders.isEmpty()) {
            System.err.println("usage: java decision-tables/examples/SeedCopies.java [--check] decision-tables/examples/<name>...");
            System.exit(2);
        }
        List<String> drifted = new ArrayList<>();
        for (String folder : folders) {
            Path dir = Path.of(folder);
            for (Map.Entry<String, String> copy : copies(dir).entrySet()) {
                Path target = dir.resolve(copy.getKey());
                String expected = copy.getValue();
                String actual = Files.exists(target) ? Files.readString(target, StandardCharsets.UTF_8) : null;
                if (expected.equals(actual)) {
                    continue;
                }
                if (check) {
                    drifted.add(target.toString());
                } else {
                    Files.writeString(target, expected, StandardCharsets.UTF_8);
                    System.out.println("wrote " + target);
                }
            }
        }
        if (!drifted.isEmpty()) {
            System.out.println("These copies differ from the seed models they copy: " + drifted);
            System.out.println("Edit the seed (decision-tables/) and run: java decision-tables/examples/SeedCopies.java "
                    + String.join(" ", folders));
            System.exit(1);
        }
    }

    /** Each copy's file name in the folder and the text it must hold. */
    static Map<String, String> copies(Path folder) throws IOException {
        Properties manifest = new Properties();
        try (Reader reader = Files.newBufferedReader(folder.resolve("seed-copies.properties"), StandardCharsets.UTF_8)) {
            manifest.load(reader);
        }
        Map<String, String> out = new TreeMap<>();
        for (String key : manifest.stringPropertyNames()) {
            if (key.contains(".own") || key.contains(".add.")) {
                continue;
            }
            String text = Files.readString(SEED.resolve(manifest.getProperty(key).trim()), StandardCharsets.UTF_8);
            text = VOCABULARY_IMPORT.matcher(text).replaceAll("locationURI=\"vocabulary.dmn\"");
            String own = manifest.getProperty(key + ".own");
            if (own != null) {
                String current = Files.readString(folder.resolve(key), StandardCharsets.UTF_8);
                for (String type : own.split(",")) {
                    text = replaceItemDefinition(text, type.trim(), itemDefinition(current, type.trim()));
                }
            }
            for (Map.Entry<String, String> add : additions(manifest, key).entrySet()) {
                String definition = itemDefinition(text, add.getKey());
                // The list's end, however the file is laid out (the KIE editor puts each element on its own line).
                String extended = definition.replaceFirst("</text>(\\s*)</allowedValues>",
                        Matcher.quoteReplacement("," + add.getValue().trim()) + "</text>$1</allowedValues>");
                if (extended.equals(definition)) {
                    throw new IllegalStateException(add.getKey() + " has no list of allowed values to add to");
                }
                text = replaceItemDefinition(text, add.getKey(), extended);
            }
            out.put(key, text);
        }
        return out;
    }

    private static Map<String, String> additions(Properties manifest, String file) {
        Map<String, String> out = new LinkedHashMap<>();
        String prefix = file + ".add.";
        manifest.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).sorted()
                .forEach(k -> out.put(k.substring(prefix.length()), manifest.getProperty(k)));
        return out;
    }

    private static String itemDefinition(String text, String name) {
        Matcher m = Pattern.compile("<itemDefinition\\b[^>]*\\bname=\"" + Pattern.quote(name) + "\"[^>]*>.*?</itemDefinition>", Pattern.DOTALL)
                .matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no item definition " + name);
        }
        return m.group();
    }

    private static String replaceItemDefinition(String text, String name, String replacement) {
        return text.replace(itemDefinition(text, name), replacement);
    }
}
